// What the Socket Mode kill drill's child (socket-child.ts) is told, as JSON in SOCKET_OPTIONS_ENV.
export interface SocketChildOptions {
  databaseUrl: string;
  schema: string;
  slackApiUrl: string;
  /**
   * Journal keys after whose write this instance stops, before the ack (it prints `journaled <key>` and waits for its
   * SIGKILL): the kill between journal and ack, made certain instead of left to chance.
   */
  holdAfterJournal: string[];
}

export const SOCKET_READY = "socket ready";
export const SOCKET_OPTIONS_ENV = "RO_VIEC_DRILL_SOCKET";
export const JOURNALED = "journaled";
