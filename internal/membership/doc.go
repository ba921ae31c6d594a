// Package membership joins an actord node to a protoactor cluster: the
// remoting server, and the membership provider chosen by configuration
// (automanaged for a static list of nodes, etcd for production).
//
// Membership is used only to discover nodes and their remoting
// addresses. actord does not use virtual actors (grains) for processes:
// a grain would be re-activated on another node when its node dies, and a
// process must never have two writers. Routers therefore address an SU
// node's well-known actor directly (see actors/router).
package membership
