package alarm

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

// proxy forwards TCP to the node and can be cut and restored, like an
// RPC endpoint that goes away and comes back on the same address.
type proxy struct {
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{target: target}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.down)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.mu.Unlock()
			go func() { io.Copy(u, c); u.Close() }()
			go func() { io.Copy(c, u); c.Close() }()
		}
	}()
}

// down closes the listener and every open connection.
func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) up(t *testing.T) {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	p.serve(ln)
}

// TestRPCGoesAwayAndComesBack: the client's endpoint disappears for a
// while; a call scheduled meanwhile is found from the logs it missed
// (back-fill) and executed once the endpoint is back.
func TestRPCGoesAwayAndComesBack(t *testing.T) {
	w := newWorld(t)
	u, _ := url.Parse(w.node.URL())
	px := newProxy(t, u.Host)
	viaProxy, err := ethclient.Dial("http://" + px.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer viaProxy.Close()
	direct := w.client
	w.client = viaProxy // the client under test talks through the proxy
	h := w.startClient(w.executor, always, &memJournal{})
	w.client = direct

	first, err := devchain.ScheduleDemo(t.Context(), direct, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.waitCalled(first[0])
	px.down()
	head, _ := direct.BlockNumber(t.Context())
	second, err := devchain.ScheduleDemo(t.Context(), direct, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.waitHead(head + 40) // blocks pass while the client is cut off
	px.up(t)
	w.waitCalled(second[0])
	waitCount(t, "executions", func() float64 { return testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) }, 2)
}
