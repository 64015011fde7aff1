/** A secret for a command (a PIN, an enrolment code), read from standard input: never from argv, which `ps` and shell histories show. */
export async function readStandardInput(what: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`${what} (then Enter and Ctrl-D): `);
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
