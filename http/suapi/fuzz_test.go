package suapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/actord/actord/internal/cucheck"
)

// FuzzPost sends arbitrary bodies to POST /: every answer must be a JSON
// {"id","timestamp"} or {"error"} with a status the API documents (never
// a 500 or a dropped connection), and the schedule must stay valid.
func FuzzPost(f *testing.F) {
	seeds, _ := filepath.Glob("../../internal/ans104/testdata/*.bin")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{})
	f.Add([]byte{1, 0})
	e := newEnv(f)
	spawn, _ := os.ReadFile("../../internal/ans104/testdata/fresh-process.bin")
	if st, _ := e.post(spawn); st != 200 {
		f.Fatal("spawn failed")
	}
	const pid = "AYu4AUGjZ-9HYAtPfaSosPyKnkOSGe8cJNrVzBQ4F04"
	allowed := map[int]bool{200: true, 400: true, 404: true, 409: true}
	n := 0
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		rec := httptest.NewRecorder()
		e.handler.ServeHTTP(rec, req)
		if !allowed[rec.Code] {
			t.Fatalf("POST answered %d: %s", rec.Code, rec.Body)
		}
		var m map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Fatalf("POST answered %d with non-JSON %q", rec.Code, rec.Body)
		}
		if _, hasErr := m["error"]; hasErr == (rec.Code == 200) {
			t.Fatalf("status %d with body %s", rec.Code, rec.Body)
		}
		if n++; n%500 == 0 {
			s, err := cucheck.Walk(t.Context(), http.DefaultClient, e.base, pid, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if err := cucheck.Verify(pid, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
