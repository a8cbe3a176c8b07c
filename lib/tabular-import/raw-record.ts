/** One record of the file before it is matched to columns. */
export type RawRecord = {
  /** Row number as the spreadsheet shows it (header = 1). */
  row: number;
  cells: string[];
  /** 0-based cells that held a number with more digits than Excel keeps (15). */
  lossy?: number[];
  /** A structural problem of the record itself (e.g. unbalanced quotes), in Chinese. */
  problem?: string;
};
