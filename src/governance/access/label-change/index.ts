/** Persisted two-person label downgrades and the typed map of relabelable object types. */
export { approveLabelChange, listLabelChanges, rejectLabelChange, requestLabelChange, type LabelChangeOptions, type LabelChangeRequest } from './label-changes.js';
export { LABEL_CHANGE_STATUSES, type LabelChangeRequestsTable, type LabelChangeStatus, type LabelChangeTables } from './label-change-tables.js';
export { isLabelledObjectName, labelledParent, labelledTable, LABELLED_OBJECTS, type ChildRows, type LabelledObjectName, type LabelledObjectType } from './labelled-objects.js';
