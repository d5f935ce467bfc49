/** The parts of Dataview the generator drives, bundled from a Dataview checkout at generation time. */
export { FullIndex } from "data-index/index";
export { parseQuery } from "query/parse";
export { executeList, executeTable, executeTask, executeCalendar } from "query/engine";
export { Values, Link, Widget, Groupings } from "data-model/value";
export { renderMinimalDuration, tryOrPropagate, asyncTryOrPropagate } from "util/normalize";
export { DEFAULT_SETTINGS } from "settings";
export { nestGroups } from "ui/views/task-view";
export { DateTime, Duration, Settings as LuxonSettings } from "luxon";
export { TFile, TFolder } from "obsidian";
