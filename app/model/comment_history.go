package model

// EntityComment is the entity of a comment's or advice's changes in the
// change history: written, edited, answered, closed, deleted.
const EntityComment Entity = "comment"

// FieldState is the change of an advice's state in the change history.
const FieldState = "state"
