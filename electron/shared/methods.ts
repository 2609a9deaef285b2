/**
 * The names of the API's methods, with no dependency at all, so that the sandboxed preload can
 * expose exactly these without bundling the schemas. `contract.ts` checks at compile time that
 * this list and the schemas name the same methods.
 *
 * @example
 * for (const name of methodNames) ipcMain.handle(`yandu:${name}`, …);
 */
export const methodNames = [
  'libraryInfo',
  'listDocuments',
  'getDocument',
  'addPaths',
  'addFiles',
  'addSample',
  'removeSample',
  'removeDocument',
  'updateDocument',
  'restoreDocument',
  'search',
  'locate',
  'savePosition',
  'listHighlights',
  'addHighlight',
  'updateHighlight',
  'removeHighlight',
  'restoreHighlight',
  'exportHighlights',
  'backup',
  'listTopics',
  'addTopic',
  'renameTopic',
  'moveTopic',
  'mergeTopic',
  'deleteTopic',
  'setDocumentTopics',
  'reviewSuggestion',
  'tagDocuments',
  'suggestTopics',
  'removeDocuments',
  'restoreDocuments',
  'getPreferences',
  'setPreferences',
  'restore',
  'reindex',
  'sync',
  'cancelSync',
  'listSources',
  'browseFolders',
  'reviewQueue',
  'addReviewCard',
  'addTopicCards',
  'removeReviewCard',
  'listReviewCards',
  'gradeCard',
  'undoGrade',
  'reviewStats',
  'proposeCloze',
  'exportAnki',
  'dailyHighlights',
  'previewGrades',
  'ocrStatus',
  'ocrControl',
  'ocrDocument',
  'ocrLayer',
  'addSource',
  'removeSource',
  'setSourceToken',
] as const;

export type MethodName = (typeof methodNames)[number];

/** IPC channel of a method: one prefix, so main can refuse anything else. */
export const ipcChannel = (name: MethodName): string => `yandu:${name}`;

/** IPC channel on which main pushes {@link YanduEvent}s to windows. */
export const eventChannel = 'yandu:event';

/** HTTP path of a method on the web host (POST, JSON body = arguments). */
export const httpPath = (name: MethodName): string => `/api/${name}`;

/** HTTP path of the server-sent event stream on the web host. */
export const eventsPath = '/api/events';

/** Checks a string against the method list (for transports that receive names from outside). */
export function isMethodName(name: string): name is MethodName {
  return (methodNames as readonly string[]).includes(name);
}
