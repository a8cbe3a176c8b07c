export * from "./divisions";
export * from "./users";
export * from "./audit";
export * from "./people";
