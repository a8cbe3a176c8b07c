// Uploads pass Next's proxy, which buffers at most 10 MB of a request body
// (proxyClientMaxBodySize) and silently truncates the rest: refuse larger files
// up front, in the browser and on the server, with a message that says what to do.
export const MAX_CLAIMS_FILE_BYTES = 9.5 * 1024 * 1024;
export const CLAIMS_FILE_TOO_LARGE = "文件超过 9.5 MB。请按月份或乡镇拆分成几个文件分别导入（已导入的记录再次导入不会重复入账）";
