import type { Db } from "@/db";
import type { Actor } from "./domain/actor";

/** What every use case receives: the database and who is acting. */
export type UseCaseContext = { db: Db; actor: Actor };
