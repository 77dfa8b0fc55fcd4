// Print the licence of every package bundled into the page's script (the dependencies
// in package-lock.json that are not dev-only), for static/THIRD-PARTY-LICENSES.txt.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const out = ["Third-party code bundled into workbench.js (built from web/ with esbuild).", ""];
for (const [path, info] of Object.entries(lock.packages).sort()) {
  if (!path || info.dev) continue;
  const dir = path;
  const name = path.replace(/^.*node_modules\//, "");
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  out.push(`== ${name} ${info.version} (${info.license || "see below"})`, "");
  out.push(file ? readFileSync(join(dir, file), "utf8").trim() : "(no licence file in the package)", "");
}
process.stdout.write(out.join("\n") + "\n");
