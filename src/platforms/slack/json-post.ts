import http from "node:http";
import https from "node:https";

/** What came back from one POST: the status, the headers that matter here and the body as text. */
export interface JsonPostResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  text: string;
}

/**
 * One JSON POST over a keep-alive connection pool (node:http), for the outbox's hot path: fetch builds web streams,
 * a Headers object and a Response per call, and this spends less CPU and garbage per send (bench/send-cost.ts).
 * Rejects on network errors and on `timeoutMs` without an answer (0: no timeout).
 */
export function postJson(url: URL, headers: Record<string, string>, body: string, timeoutMs: number) {
  const transport = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? httpsAgent : httpAgent;
  return new Promise<JsonPostResponse>((resolve, reject) => {
    const request = transport.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        // A connection cut mid-answer ends the response without "end": no answer, then (resolving first wins).
        response.on("close", () => {
          if (!response.complete) reject(new Error("the connection closed before the whole answer arrived"));
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? "",
            headers: response.headers as Record<string, string>,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    if (timeoutMs > 0) {
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    }
    request.on("error", reject);
    request.end(body);
  });
}

const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });
