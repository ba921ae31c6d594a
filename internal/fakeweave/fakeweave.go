// Package fakeweave is a local stand-in for the Arweave gateway and
// bundler an SU talks to, for tests: this machine cannot reach the real
// ones. It answers the same routes with the same shapes: GET /info,
// GET /tx/{id}/status, POST /graphql (lookup by ids), POST /tx/arweave.
package fakeweave

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"

	"github.com/actord/actord/internal/ans104"
)

// Server is a fake gateway and bundler.
type Server struct {
	*httptest.Server

	mu            sync.Mutex
	height        uint64
	down          bool
	confirmations map[string]uint64
	known         map[string]bool
	uploads       []string // ids in upload order
	uploaded      map[string][]byte
	failUploads   int // answer 500 to this many uploads
}

// New starts a fake at the given block height.
func New(height uint64) *Server {
	s := &Server{height: height, confirmations: map[string]uint64{}, known: map[string]bool{}, uploaded: map[string][]byte{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /info", s.info)
	mux.HandleFunc("GET /tx/{id}/status", s.status)
	mux.HandleFunc("POST /graphql", s.graphql)
	mux.HandleFunc("POST /tx/arweave", s.upload)
	s.Server = httptest.NewServer(mux)
	return s
}

// SetHeight changes the height /info reports.
func (s *Server) SetHeight(h uint64) { s.mu.Lock(); s.height = h; s.mu.Unlock() }

// SetDown makes every route answer 503 (true) or work again (false).
func (s *Server) SetDown(down bool) { s.mu.Lock(); s.down = down; s.mu.Unlock() }

// AddTx makes a transaction known to GraphQL with the given number of
// base-layer confirmations.
func (s *Server) AddTx(id string, confirmations uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.known[id] = true
	s.confirmations[id] = confirmations
}

// FailUploads makes the next n uploads fail with 500.
func (s *Server) FailUploads(n int) { s.mu.Lock(); s.failUploads = n; s.mu.Unlock() }

// Uploaded returns the ids of uploaded items, in order (repeats kept).
func (s *Server) Uploaded() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.uploads...)
}

// UploadedItem returns the bytes uploaded for id.
func (s *Server) UploadedItem(id string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.uploaded[id]
	return b, ok
}

func (s *Server) isDown(w http.ResponseWriter) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}
	return s.down
}

func (s *Server) info(w http.ResponseWriter, r *http.Request) {
	if s.isDown(w) {
		return
	}
	s.mu.Lock()
	h := s.height
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"network": "fakeweave.N.1", "version": 5, "release": 1, "height": h, "current": "fake", "blocks": h + 1, "peers": 0})
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	if s.isDown(w) {
		return
	}
	id := r.PathValue("id")
	s.mu.Lock()
	c, ok := s.confirmations[id]
	h := s.height
	s.mu.Unlock()
	if !ok {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	if c == 0 {
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, "Pending")
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"block_height": h - c + 1, "block_indep_hash": "fake", "number_of_confirmations": c})
}

func (s *Server) graphql(w http.ResponseWriter, r *http.Request) {
	if s.isDown(w) {
		return
	}
	var q struct {
		Query     string `json:"query"`
		Variables struct {
			IDs []string `json:"ids"`
		} `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	type node struct {
		ID string `json:"id"`
	}
	edges := []map[string]node{}
	s.mu.Lock()
	for _, id := range q.Variables.IDs {
		if s.known[id] {
			edges = append(edges, map[string]node{"node": {ID: id}})
		}
	}
	s.mu.Unlock()
	json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"transactions": map[string]any{"edges": edges}}})
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	if s.isDown(w) {
		return
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	it, err := ans104.Parse(b)
	if err == nil {
		err = it.Verify()
	}
	if err != nil {
		http.Error(w, "invalid data item: "+err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failUploads > 0 {
		s.failUploads--
		http.Error(w, "try later", http.StatusInternalServerError)
		return
	}
	s.uploads = append(s.uploads, it.ID())
	s.uploaded[it.ID()] = b
	json.NewEncoder(w).Encode(map[string]any{"id": it.ID()})
}
