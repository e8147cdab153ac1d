import { themeFromBackground } from '../../../src/office/officeJsHost';

test.each([
  ['#FFFFFF', 'light'],
  ['#f3f2f1', 'light'],
  ['#1F1F1F', 'dark'],
  ['292929', 'dark'],
  ['#000000', 'dark'],
  [undefined, 'light'],
  ['not a colour', 'light'],
])('background %s → %s theme', (colour, theme) => {
  expect(themeFromBackground(colour)).toBe(theme);
});
