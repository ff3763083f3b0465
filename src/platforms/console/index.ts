export { runConsoleChat, type ConsoleChatOptions } from "./console-chat.js";
export { ConsoleSender } from "./console-sender.js";
export { consoleUserId, findConsoleMentions } from "./console-identity.js";
