// Compiles the Alarm contracts with the pinned solc (package.json) into
// build/<Contract>.abi.json and build/<Contract>.bin, deterministically, so
// that `make generate` can regenerate the committed outputs and CI can
// check them for drift.
import fs from 'node:fs'
import path from 'node:path'
import solc from 'solc'

const dir = path.dirname(new URL(import.meta.url).pathname)
const src = path.join(dir, 'alarm')
const out = path.join(dir, 'build')
const sources = {}
for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(src, f), 'utf8') }
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'prague',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
}
const res = JSON.parse(solc.compile(JSON.stringify(input), { import: (p) => ({ contents: fs.readFileSync(path.join(src, p), 'utf8') }) }))
const errors = (res.errors || []).filter((e) => e.severity === 'error')
for (const e of res.errors || []) console.error(e.formattedMessage)
if (errors.length) process.exit(1)
fs.mkdirSync(out, { recursive: true })
for (const [file, contracts] of Object.entries(res.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    fs.writeFileSync(path.join(out, `${name}.abi.json`), JSON.stringify(c.abi, null, 1) + '\n')
    fs.writeFileSync(path.join(out, `${name}.bin`), c.evm.bytecode.object + '\n')
    console.log(`compiled ${file}:${name} (${c.evm.bytecode.object.length / 2} bytes) with solc ${solc.version()}`)
  }
}
