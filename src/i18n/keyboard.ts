/** The words of the pane's keyboard path: the shortcut into Find. */
export const en = {
  'filing.findShortcut': 'Press / anywhere in the pane to find.',
};

export const fi: Record<keyof typeof en, string> = {
  'filing.findShortcut': 'Paina / missä tahansa paneelissa, niin pääset etsimään.',
};
