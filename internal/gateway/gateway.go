// Package gateway is a small client for the parts of the Arweave gateway
// and bundler HTTP APIs an SU uses: network info, transaction status,
// GraphQL lookups by id, and data item uploads.
//
// Every call takes a context and returns errors that say which endpoint
// failed and how; none of them retry (the actors that call them decide).
package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Client talks to one gateway.
type Client struct {
	base string
	http *http.Client
}

// New returns a client for the gateway at base (for example
// https://arweave.net).
func New(base string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	return &Client{base: strings.TrimRight(base, "/"), http: hc}
}

// ErrTxNotFound means the gateway does not know the transaction.
var ErrTxNotFound = errors.New("transaction not found")

// Info is the part of GET /info the SU reads.
type Info struct {
	Network string `json:"network"`
	Height  uint64 `json:"height"`
}

// Info fetches GET /info.
func (c *Client) Info(ctx context.Context) (Info, error) {
	var info Info
	body, status, err := c.do(ctx, http.MethodGet, "/info", nil, "")
	if err != nil {
		return info, err
	}
	if status != http.StatusOK {
		return info, fmt.Errorf("gateway /info answered %d: %.200s", status, body)
	}
	if err := json.Unmarshal(body, &info); err != nil {
		return info, fmt.Errorf("gateway /info: %w", err)
	}
	return info, nil
}

// TxStatus returns the number of confirmations of a base-layer
// transaction; 0 while it is pending.
func (c *Client) TxStatus(ctx context.Context, id string) (uint64, error) {
	body, status, err := c.do(ctx, http.MethodGet, "/tx/"+id+"/status", nil, "")
	if err != nil {
		return 0, err
	}
	switch status {
	case http.StatusOK:
	case http.StatusAccepted:
		return 0, nil // pending: in the mempool, not mined
	case http.StatusNotFound:
		return 0, ErrTxNotFound
	default:
		return 0, fmt.Errorf("gateway /tx/%s/status answered %d: %.200s", id, status, body)
	}
	var st struct {
		Confirmations uint64 `json:"number_of_confirmations"`
	}
	if err := json.Unmarshal(body, &st); err != nil {
		return 0, fmt.Errorf("gateway /tx/%s/status: %w", id, err)
	}
	return st.Confirmations, nil
}

// TxExists asks the gateway's GraphQL whether a transaction or data item
// with this id exists.
func (c *Client) TxExists(ctx context.Context, id string) error {
	q := map[string]any{
		"query":     "query($ids:[ID!]){transactions(ids:$ids){edges{node{id}}}}",
		"variables": map[string]any{"ids": []string{id}},
	}
	reqBody, _ := json.Marshal(q)
	body, status, err := c.do(ctx, http.MethodPost, "/graphql", reqBody, "application/json")
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("gateway /graphql answered %d: %.200s", status, body)
	}
	var res struct {
		Data struct {
			Transactions struct {
				Edges []struct {
					Node struct {
						ID string `json:"id"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"transactions"`
		} `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return fmt.Errorf("gateway /graphql: %w", err)
	}
	if len(res.Errors) > 0 {
		return fmt.Errorf("gateway /graphql: %s", res.Errors[0].Message)
	}
	for _, e := range res.Data.Transactions.Edges {
		if e.Node.ID == id {
			return nil
		}
	}
	return ErrTxNotFound
}

// Upload posts one data item to a bundler at POST /tx/arweave. A 409
// (already have it) counts as success.
func (c *Client) Upload(ctx context.Context, item []byte) error {
	body, status, err := c.do(ctx, http.MethodPost, "/tx/arweave", item, "application/octet-stream")
	if err != nil {
		return err
	}
	if status/100 == 2 || status == http.StatusConflict {
		return nil
	}
	return fmt.Errorf("bundler answered %d: %.200s", status, body)
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, contentType string) ([]byte, int, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, 0, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: reading answer: %w", method, path, err)
	}
	return b, res.StatusCode, nil
}
