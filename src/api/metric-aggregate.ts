// Placeholder: filled in by the work on relationship lookups (issue 4).
export {};
