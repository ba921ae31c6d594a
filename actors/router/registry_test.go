package router

import (
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/messages"
)

// su describes one SU for a placement case.
type su struct {
	url    string
	live   bool
	active int64
	placed int64
}

func newTestRegistry(list []config.SchedulerEntry, counts map[string]int, sus ...su) *registry {
	r := newRegistry(RegistryConfig{List: list, Counts: counts, Logger: slog.New(slog.DiscardHandler)}, newMetrics(nil))
	now := time.Now()
	for i, s := range sus {
		m := &member{id: fmt.Sprint("m", i), address: fmt.Sprint("127.0.0.1:", 9000+i), placed: s.placed,
			info: &messages.SUInfo{Url: s.url, Ready: true, Active: s.active, Version: "v1"}, lastOK: now}
		if !s.live {
			m.lastOK = now.Add(-time.Hour)
		}
		r.members[m.id] = m
	}
	return r
}

func TestPlacement(t *testing.T) {
	pinned := []config.SchedulerEntry{
		{URL: "http://a"},
		{URL: "http://b", WalletsToRoute: "w1, w2", WalletsOnly: true},
		{URL: "http://c", NoRoute: true},
		{URL: "http://d", WalletsToRoute: "w3"},
	}
	for _, tc := range []struct {
		name   string
		list   []config.SchedulerEntry
		counts map[string]int
		sus    []su
		owner  string
		want   string // URL, or an error's text
		reason string
	}{
		{name: "least active", sus: []su{{url: "http://a", live: true, active: 3}, {url: "http://b", live: true, active: 1}}, want: "http://b", reason: "load"},
		{name: "placements since the report count as load", sus: []su{{url: "http://a", live: true, active: 1}, {url: "http://b", live: true, active: 0, placed: 2}}, want: "http://a", reason: "load"},
		{name: "tie: fewest confirmed processes", counts: map[string]int{"http://a": 5, "http://b": 9}, sus: []su{{url: "http://b", live: true}, {url: "http://a", live: true}}, want: "http://a", reason: "load"},
		{name: "tie: lowest url", sus: []su{{url: "http://b", live: true}, {url: "http://a", live: true}}, want: "http://a", reason: "load"},
		{name: "dead SUs get nothing", sus: []su{{url: "http://a", live: false}, {url: "http://b", live: true, active: 50}}, want: "http://b", reason: "load"},
		{name: "nothing live", sus: []su{{url: "http://a", live: false}}, want: ErrNoSU.Error()},
		{name: "unlisted SUs take load", list: pinned, sus: []su{{url: "http://a", live: true, active: 4}, {url: "http://z", live: true}}, want: "http://z", reason: "load"},
		{name: "wallets_only and no_route are skipped", list: pinned, sus: []su{{url: "http://a", live: true, active: 9}, {url: "http://b", live: true}, {url: "http://c", live: true}}, want: "http://a", reason: "load"},
		{name: "wallet pinned", list: pinned, owner: "w2", sus: []su{{url: "http://a", live: true}, {url: "http://b", live: true, active: 99}}, want: "http://b", reason: "wallet"},
		{name: "wallet pinned to a routable SU", list: pinned, owner: "w3", sus: []su{{url: "http://a", live: true}, {url: "http://d", live: true, active: 99}}, want: "http://d", reason: "wallet"},
		{name: "pinned SU down: no fallback", list: pinned, owner: "w1", sus: []su{{url: "http://a", live: true}, {url: "http://b", live: false}}, want: ErrWalletDown.Error()},
		{name: "other wallets ignore pins", list: pinned, owner: "w9", sus: []su{{url: "http://a", live: true}, {url: "http://b", live: true}}, want: "http://a", reason: "load"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newTestRegistry(tc.list, tc.counts, tc.sus...)
			p := r.pick(tc.owner)
			got := p.URL
			if p.Err != nil {
				got = p.Err.Error()
			}
			if got != tc.want || p.Reason != tc.reason {
				t.Fatalf("pick = %q (%s), want %q (%s)", got, p.Reason, tc.want, tc.reason)
			}
			if p.Err == nil && (p.PID == nil || p.PID.Id != "su-remote") {
				t.Fatalf("target PID = %v", p.PID)
			}
		})
	}
}

// TestPlacementSpreads: consecutive spawns between reports alternate.
func TestPlacementSpreads(t *testing.T) {
	r := newTestRegistry(nil, nil, su{url: "http://a", live: true}, su{url: "http://b", live: true}, su{url: "http://c", live: true, active: 2})
	got := map[string]int{}
	for range 8 {
		got[r.pick("").URL]++
	}
	if got["http://a"] != 4 || got["http://b"] != 3 || got["http://c"] != 1 {
		t.Fatalf("8 spawns landed %v, want 4/3/1 (c starts 2 ahead)", got)
	}
}

func TestLocateAndSnapshot(t *testing.T) {
	r := newTestRegistry([]config.SchedulerEntry{{URL: "http://a"}, {URL: "http://gone"}}, map[string]int{"http://a": 2},
		su{url: "http://a", live: true, active: 1}, su{url: "http://b", live: false})
	if l := r.locate("http://a/"); l.Err != nil || l.PID.Address != "127.0.0.1:9000" {
		t.Fatalf("locate live = %+v", l)
	}
	if l := r.locate("http://b"); !errors.Is(l.Err, ErrSUDown) {
		t.Fatalf("locate dead = %+v", l)
	}
	want := LiveSUs{
		{URL: "http://a", Member: "m0", Live: true, Active: 1, Processes: 2, Listed: true, Version: "v1"},
		{URL: "http://b"},
		{URL: "http://gone", Listed: true},
	}
	if got := r.snapshot(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("snapshot = %+v\nwant       %+v", got, want)
	}
	// Two members claiming one URL (a restart before the old one expired):
	// the fresher answers.
	old := &member{id: "old", address: "127.0.0.1:1", info: &messages.SUInfo{Url: "http://a", Ready: true}, lastOK: time.Now().Add(-time.Second)}
	r.members["old"] = old
	if l := r.locate("http://a"); l.PID.Address != "127.0.0.1:9000" {
		t.Fatalf("locate with a stale twin = %v", l.PID)
	}
}
