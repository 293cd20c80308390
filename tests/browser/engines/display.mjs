// An X display for the engines that need one (Firefox with WebGL, WebKitGTK): the machine's
// own when $DISPLAY is set, else a private Xvfb started here and stopped with the tests.
// Also the X clipboard: a paste in those engines reads what xclip offers, as it reads what a
// spreadsheet on a real desktop put there.
import { spawn } from 'node:child_process';

let started = null;
let starting = null;

export async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (started) return started.name;
  starting ??= startXvfb();
  return starting;
}

async function startXvfb() {
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it listens.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let err = '';
  xvfb.stderr.on('data', (d) => { err = (err + d).slice(-2000); });
  const name = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', (e) => reject(new Error(`Xvfb would not start (package xvfb): ${e.message}`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb ended (${code}): ${err}`)));
  });
  xvfb.unref();
  started = { name, xvfb };
  process.on('exit', () => xvfb.kill());
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { xvfb.kill(); process.exit(130); });
  return name;
}

export function stopDisplay() {
  if (started) started.xvfb.kill();
  started = null;
  starting = null;
}

// The environment a browser on that display runs in.
export async function displayEnv() {
  return { ...process.env, DISPLAY: await display() };
}

// Puts `text` on the X clipboard (CLIPBOARD selection) as a desktop program does: xclip keeps
// offering it until another program takes the clipboard.
export async function setClipboard(text) {
  const env = await displayEnv();
  await new Promise((resolve, reject) => {
    // No pipe but stdin: xclip forks a server that holds the selection (the parent exits once it
    // is offered), and a pipe it inherited would keep this process waiting for it.
    const x = spawn('xclip', ['-selection', 'clipboard', '-in'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    x.on('error', (e) => reject(new Error(`xclip would not start (package xclip): ${e.message}`)));
    x.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`xclip ended with ${code}`))));
    x.stdin.end(text);
  });
}
