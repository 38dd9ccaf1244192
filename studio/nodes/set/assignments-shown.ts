/** Assignments a set node lists on its face; more are summed up as "+N" on one more row. */
export const assignmentsShown = 4;
