// Custom LSP requests between the extension and the language server: names and shapes, imported
// by both sides (no other import here, so the client bundle takes nothing else from the server).
// The two file requests go from the server to the client: a server that cannot read files itself
// (the web worker) reads charters and configs through them (docs/editor.md, "Web server").

/** Server → client: one file's text. `null` when it does not exist or cannot be read as UTF-8 text. */
export const READ_FILE_REQUEST = 'teamCharter/readFile';

export interface ReadFileParams {
  /** The file's URI, as the client spells it. */
  uri: string;
}

export type ReadFileResult = { text: string } | null;

/** Server → client: the files under a folder that a glob matches. */
export const FIND_FILES_REQUEST = 'teamCharter/findFiles';

export interface FindFilesParams {
  /** The folder searched (a URI); nothing outside it is returned. */
  base: string;
  /** A glob relative to `base`, e.g. CHARTER_FILE_PATTERN. */
  include: string;
  /** Files and folders to leave out (a glob relative to `base`), or null. */
  exclude: string | null;
}

/** File URIs, in any order. */
export type FindFilesResult = string[];

/** The decision map of one open charter, rendered by the server from its current analysis. */
export const DECISION_MAP_REQUEST = 'teamCharter/decisionMap';
/** The organisation view of the charters of the workspace folder holding `uri`. */
export const ORGANISATION_MAP_REQUEST = 'teamCharter/organisationMap';

export interface DecisionMapParams {
  uri: string;
}

export interface DecisionMapResult {
  uri: string;
  /** The document version the map was drawn from. */
  version: number;
  /** `broken-yaml`: drawn from what parsed; `too-large`: above maxFileSize, nothing drawn. */
  state: 'ok' | 'broken-yaml' | 'too-large';
  /** The team name (or id, or file name), for the panel title. */
  title: string;
  /** Body HTML: banner, legend, matrix, calendar, findings. Every value escaped; no script. */
  html: string;
  /** The stylesheet of the pieces (colours from `--tc-*` variables the client maps to the theme). */
  styles: string;
  /** How many charters the workspace folder holds (the organisation view needs two or more). */
  workspaceCharters: number;
}

export interface OrganisationMapResult {
  /** Charters drawn (those of the workspace folder, open documents as edited). */
  charters: number;
  html: string;
}
