/**
 * Formats a parsed ICU message as react-intl (intl-messageformat) formats it, for the ribbon's function file, which
 * cannot carry react-intl within its size target (issue 18: ≤ 30 KB gzip). It knows what the ribbon's messages
 * use (text, arguments, plural with `#` and `=N`, select, plain numbers); anything else is a build-time mistake and
 * throws. tests/unit/i18n/format.test.ts holds it to react-intl's output for every ribbon message in both languages.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageKey } from './messages';
import type { MessageFormatter } from './triage';

export type MessageValues = Record<string, string | number>;

export function formatParsed(locale: string, message: readonly MessageFormatElement[], values: MessageValues = {}, pound?: number): string {
  let out = '';
  for (const element of message) {
    // The parser's TYPE: 0 literal, 1 argument, 2 number, 5 select, 6 plural, 7 pound (#).
    if (element.type === 0) out += element.value;
    else if (element.type === 7) out += pound === undefined ? '' : new Intl.NumberFormat(locale).format(pound);
    else {
      const value = values[element.value];
      if (value === undefined) throw new Error(`The message needs a value for ${element.value}.`);
      if (element.type === 1) out += String(value);
      else if (element.type === 2) out += new Intl.NumberFormat(locale).format(Number(value));
      else if (element.type === 5) out += formatParsed(locale, (element.options[String(value)] ?? element.options.other)!.value, values, pound);
      else if (element.type === 6) {
        const count = Number(value) - (element.offset || 0);
        const option = element.options[`=${value}`] ?? element.options[new Intl.PluralRules(locale, { type: element.pluralType }).select(count)] ?? element.options.other;
        out += formatParsed(locale, option!.value, values, count);
      } else throw new Error(`The ribbon's formatter does not handle ICU element type ${element.type}.`);
    }
  }
  return out;
}

/** A MessageFormatter over one locale's parsed messages. */
export function parsedFormatter(locale: string, catalogue: Partial<Record<MessageKey, readonly MessageFormatElement[]>>): MessageFormatter {
  return {
    formatMessage: ({ id }, values) => {
      const message = catalogue[id];
      if (!message) throw new Error(`No message ${id} in this catalogue.`);
      return formatParsed(locale, message, values);
    },
  };
}
