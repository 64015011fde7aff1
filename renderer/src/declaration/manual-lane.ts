/** Passages typed from paper go on their own lane id, so history and reports tell them apart. */
export const manualLaneId = 'manual';
