// Package arweave holds the actors that talk to the Arweave network for
// the SU: the Gateway actor, which keeps the current block height, and the
// Uploader actor, which drains the store's durable outbox to a bundler.
//
// Invariants:
//   - HTTP calls run in goroutines; their results come back to the actor
//     as messages. Receive never blocks on the network.
//   - The Gateway actor keeps the last height it saw when the gateway
//     fails; it never reports a height it did not read.
//   - An outbox record is acknowledged only after the bundler accepted the
//     item, so every scheduled item is uploaded at least once, across
//     restarts.
package arweave
