import { createContext, useContext } from 'react';
import type { MessageKey } from '../../i18n/messages';

/**
 * The words of filing, by what is open: a message is filed, a meeting is linked ("Link to Trail"
 * above buttons that said "File" confused new users). One table, so no button of the meeting flow is missed.
 */
export const FILING_WORDS = {
  message: {
    file: 'filing.file',
    fileTo: 'filing.fileTo',
    createAndFile: 'filing.createAndFile',
    fileSelected: 'filing.fileSelected',
    done: 'filing.done',
    doneUntagged: 'filing.doneUntagged',
    filedTo: 'filing.filedTo',
    failed: 'filing.failed',
    gone: 'filing.gone',
    unfile: 'filing.unfile',
    unfileFrom: 'filing.unfileFrom',
    unfiled: 'filing.unfiled',
    select: 'filing.select',
    searchKeys: 'filing.searchKeys',
    note: 'filing.note',
  },
  appointment: {
    file: 'meeting.link',
    fileTo: 'meeting.linkTo',
    createAndFile: 'meeting.createAndLink',
    fileSelected: 'meeting.linkSelected',
    done: 'meeting.linked',
    doneUntagged: 'meeting.linkedUntagged',
    filedTo: 'meeting.linkedTo',
    failed: 'meeting.linkFailed',
    gone: 'meeting.gone',
    unfile: 'meeting.unlink',
    unfileFrom: 'meeting.unlinkFrom',
    unfiled: 'meeting.unlinked',
    select: 'meeting.select',
    searchKeys: 'meeting.searchKeys',
    note: 'meeting.note',
  },
} as const satisfies Record<'message' | 'appointment', Record<string, MessageKey>>;

export type FilingWords = (typeof FILING_WORDS)[keyof typeof FILING_WORDS];

/** Set by the panel for the open item; a message's words when nothing sets it. */
export const FilingWordsContext = createContext<FilingWords>(FILING_WORDS.message);
export const useFilingWords = (): FilingWords => useContext(FilingWordsContext);
