// Titles the features show for commands of their own.
export const FIX_ALL_TITLE = 'Fix all safe problems';
