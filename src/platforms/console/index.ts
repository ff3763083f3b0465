export { type ConsoleChatOptions, runConsoleChat } from "./console-chat.js";
export { consoleUserId, findConsoleMentions } from "./console-identity.js";
export { ConsoleSender } from "./console-sender.js";
