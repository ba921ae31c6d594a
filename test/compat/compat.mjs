// Drives actord's SU with the real ao client libraries, as users do:
// aoconnect (legacy mode, MU_URL pointed at the SU) for spawn, message and
// assign, arbundles for Ethereum-signed items, and plain fetch for the
// compute unit's reads. Every check throws; the last line printed is a
// JSON summary the Go test reads.
//
// Env: SU_URL, ASSIGN_TX (known to the gateway), ASSIGN_TX_L1 (confirmed
// base-layer tx), MESSAGES (how many concurrent messages per signer).
import assert from 'node:assert/strict'
import crypto from 'node:crypto'

const SU = process.env.SU_URL
const ROUTER = 'https://su-router.ao-testnet.xyz'
const GRAPHQL = 'http://graphql.invalid/graphql'
const MODULE = 'Isk_GYo30Tyf5nLbVI6zEJIfFpiXQJd58IKcIkTu4no'
const N = Number(process.env.MESSAGES || 8)

let suAddress
// aoconnect's scheduler lookup (locate, validate) is not injectable: it
// calls the testnet router and a gateway's GraphQL with the global fetch.
// Answer those here, offline, and send everything else through.
const realFetch = globalThis.fetch
globalThis.fetch = async (input, opts = {}) => {
  let url = String(input instanceof Request ? input.url : input)
  if (url.startsWith(ROUTER)) url = SU + url.slice(ROUTER.length)
  if (url === GRAPHQL) {
    const { variables = {} } = JSON.parse(opts.body)
    const node = variables.owner
      ? { tags: [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Scheduler-Location' }, { name: 'Url', value: SU }, { name: 'Time-To-Live', value: '3600000' }] }
      : { owner: { address: 'module-owner' }, tags: [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Module' }, { name: 'Module-Format', value: 'wasm64-unknown-emscripten-draft_2024_02_15' }, { name: 'Input-Encoding', value: 'JSON-1' }, { name: 'Output-Encoding', value: 'JSON-1' }], block: { id: 'b', height: 1, timestamp: 1 } }
    return new Response(JSON.stringify({ data: { transactions: { edges: [{ node }] } } }), { headers: { 'Content-Type': 'application/json' } })
  }
  return realFetch(url, opts)
}

const { connect, createDataItemSigner } = await import('@permaweb/aoconnect')
const Arweave = (await import('arweave')).default
const { createData, EthereumSigner, DataItem } = await import('arbundles')

const getJSON = async (path) => {
  const res = await realFetch(SU + path)
  const body = await res.text()
  assert.equal(res.status, 200, `GET ${path}: ${res.status} ${body}`)
  return JSON.parse(body)
}

// GET / and /timestamp: what scheduler-utils and the CU read.
const info = await getJSON('/')
suAddress = info.address
assert.equal(typeof info.address, 'string')
assert.equal(info.address.length, 43)
assert.equal(typeof info.timestamp, 'string')
const ts = await getJSON('/timestamp')
assert.match(ts.block_height, /^\d{12}$/)
assert.ok(Number.isInteger(parseInt(ts.timestamp)))

const arweave = Arweave.init({})
const jwk = await arweave.wallets.generate()
const rsaSigner = createDataItemSigner(jwk)
const ethKey = crypto.randomBytes(32).toString('hex')
const ethSigner = new EthereumSigner(ethKey)
const ao = connect({ MODE: 'legacy', MU_URL: SU, CU_URL: 'http://127.0.0.1:9', GRAPHQL_URL: GRAPHQL, noLog: true })

// Spawn through aoconnect (its module and scheduler checks pass through
// the fake GraphQL above).
const processId = await ao.spawn({ module: MODULE, scheduler: suAddress, signer: rsaSigner, tags: [{ name: 'Name', value: 'compat' }], data: 'hello from the compat test' })
assert.equal(processId.length, 43)
const proc = await getJSON(`/processes/${processId}`)
assert.equal(proc.process_id, processId)
assert.match(proc.block, /^\d{12}$/)
assert.equal(typeof proc.timestamp, 'number')
assert.equal(proc.data, 'hello from the compat test')

// Messages, concurrently: RSA through aoconnect, Ethereum through arbundles.
const sent = new Set()
const viaAoconnect = Array.from({ length: N }, (_, i) =>
  ao.message({ process: processId, signer: rsaSigner, tags: [{ name: 'Action', value: 'Ping' }, { name: 'I', value: String(i) }], data: `rsa ${i}` }).then((id) => sent.add(id)))
const viaArbundles = Array.from({ length: N }, async (_, i) => {
  const item = createData(`eth ${i} \u00e9\u2603`, ethSigner, { target: processId, tags: [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Variant', value: 'ao.TN.1' }, { name: 'Type', value: 'Message' }, { name: 'I', value: String(i) }] })
  await item.sign(ethSigner)
  const res = await realFetch(SU + '/', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: item.getRaw() })
  const body = await res.json()
  assert.equal(res.status, 200, JSON.stringify(body))
  assert.equal(body.id, item.id)
  assert.equal(typeof body.timestamp, 'number')
  sent.add(item.id)
})
await Promise.all([...viaAoconnect, ...viaArbundles])
assert.equal(sent.size, 2 * N)

// returnAssignmentSlot reads the Nonce back from the SU.
const slotted = await ao.message({ process: processId, signer: rsaSigner, tags: [{ name: 'Action', value: 'Slot' }], data: 'slot', returnAssignmentSlot: true, returnMessageId: true })
assert.equal(slotted.slot, String(2 * N + 1))
slotted.messageId = slotted.id
sent.add(slotted.messageId)

// A repeated message is refused and uses no nonce.
const dup = await realFetch(SU + '/', { method: 'POST', body: (await (await realFetch(`${SU}/${slotted.messageId}/raw?process-id=${processId}`)).arrayBuffer()) })
assert.equal(dup.status, 409)

// Assigns through aoconnect: an L2 item and a confirmed base-layer tx.
const assignmentId = await ao.assign({ process: processId, message: process.env.ASSIGN_TX, exclude: ['Data', 'Anchor'] })
const l1AssignmentId = await ao.assign({ process: processId, message: process.env.ASSIGN_TX_L1, baseLayer: true })

// Read the whole schedule as the CU does: pages of 3, from = last cursor.
const edges = []
let from
for (;;) {
  const page = await getJSON(`/${processId}?process-id=${processId}&limit=3${from ? `&from=${from}` : ''}`)
  assert.ok(page.edges.length <= 3)
  edges.push(...page.edges)
  if (!page.page_info.has_next_page) break
  from = page.edges[page.edges.length - 1].cursor
  assert.equal(typeof from, 'string')
}
const total = 2 * N + 4 // process, messages, the slotted one, two assigns
assert.equal(edges.length, total)
const tag = (node, name) => node.assignment.tags.find((t) => t.name === name)?.value
const b64 = (s) => Buffer.from(s, 'base64url')
let prev
for (const [i, { node, cursor }] of edges.entries()) {
  assert.equal(tag(node, 'Nonce'), String(i))
  assert.equal(tag(node, 'Process'), processId)
  assert.equal(cursor, tag(node, 'Timestamp'))
  assert.deepEqual(node.assignment.tags.slice(0, 9).map((t) => t.name), ['Process', 'Epoch', 'Nonce', 'Hash-Chain', 'Block-Height', 'Timestamp', 'Data-Protocol', 'Type', 'Variant'])
  const expected = prev
    ? crypto.createHash('sha256').update(Buffer.concat([b64(prev.assignment.id), b64(tag(prev, 'Hash-Chain'))])).digest('base64url')
    : crypto.createHash('sha256').update(b64(processId)).digest('base64url')
  assert.equal(tag(node, 'Hash-Chain'), expected, `hash chain at nonce ${i}`)
  if (i > 0 && node.message) assert.ok(sent.has(node.message.id), `unexpected message ${node.message.id}`)
  // Every assignment is signed by the SU's wallet.
  const raw = Buffer.from(await (await realFetch(`${SU}/${node.assignment.id}/raw?process-id=${processId}`)).arrayBuffer())
  const item = new DataItem(raw)
  assert.ok(await item.isValid(), `assignment ${node.assignment.id} does not verify`)
  assert.equal(item.id, node.assignment.id)
  assert.equal(node.assignment.owner.address, suAddress)
  assert.equal(crypto.createHash('sha256').update(item.rawOwner).digest('base64url'), suAddress)
  prev = node
}
const last = edges[edges.length - 1].node
assert.equal(last.assignment.id, l1AssignmentId)
assert.equal(last.message, null)
assert.equal(tag(last, 'Message'), process.env.ASSIGN_TX_L1)
const assignNode = edges[edges.length - 2].node
assert.equal(assignNode.assignment.id, assignmentId)
assert.deepEqual(assignNode.assignment.tags.filter((t) => t.name === 'Exclude').map((t) => t.value), ['Data', 'Anchor'])

// aoconnect's SU readers.
const one = await ao.getMessageById({ processId, messageId: slotted.messageId })
assert.equal(one.message.id, slotted.messageId)
assert.equal(tag(one, 'Nonce'), String(2 * N + 1))
const latest = await getJSON(`/${processId}/latest`)
assert.equal(tag(latest, 'Nonce'), String(total - 1))
const lastSlot = await ao.getLastSlot({ processId })
assert.equal(lastSlot, String(total - 1))

console.log(JSON.stringify({ ok: true, processId, entries: edges.length, suAddress }))
