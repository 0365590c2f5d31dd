package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// SessionStorage keeps web sessions in the sessions table. It implements
// fiber.Storage, so Fiber's session and CSRF middleware use it. Session ids
// are stored as keyed hashes: a copy of the table gives no usable session.
type SessionStorage struct {
	db      *bun.DB
	secret  []byte
	timeout time.Duration
}

// NewSessionStorage returns a storage over db whose keys are hashed with secret.
func NewSessionStorage(db *bun.DB, secret string) *SessionStorage {
	return &SessionStorage{db: db, secret: []byte(secret), timeout: 5 * time.Second}
}

func (s *SessionStorage) hash(key string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte(key))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *SessionStorage) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// Get returns the data of an unexpired session, or nil.
func (s *SessionStorage) Get(key string) ([]byte, error) {
	if key == "" {
		return nil, nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	var sess model.Session
	err := s.db.NewSelect().Model(&sess).
		Where("key = ?", s.hash(key)).Where("expires_at > ?", time.Now().UTC()).Scan(ctx)
	if err = notFound(err); err == ErrNotFound {
		return nil, nil
	}
	return sess.Data, err
}

// Set stores the session data for exp from now.
func (s *SessionStorage) Set(key string, val []byte, exp time.Duration) error {
	if key == "" || len(val) == 0 {
		return nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	if exp <= 0 {
		exp = 24 * time.Hour
	}
	sess := &model.Session{Key: s.hash(key), Data: val, ExpiresAt: time.Now().UTC().Add(exp)}
	_, err := s.db.NewInsert().Model(sess).
		On("CONFLICT (key) DO UPDATE").
		Set("data = EXCLUDED.data").Set("expires_at = EXCLUDED.expires_at").Exec(ctx)
	return err
}

// Delete removes a session.
func (s *SessionStorage) Delete(key string) error {
	if key == "" {
		return nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	_, err := s.db.NewDelete().Model((*model.Session)(nil)).Where("key = ?", s.hash(key)).Exec(ctx)
	return err
}

// Reset removes every session.
func (s *SessionStorage) Reset() error {
	ctx, cancel := s.ctx()
	defer cancel()
	_, err := s.db.NewDelete().Model((*model.Session)(nil)).Where("1 = 1").Exec(ctx)
	return err
}

// Close does nothing: the database belongs to the caller.
func (s *SessionStorage) Close() error { return nil }

// PurgeExpiredSessions removes the sessions that have expired and returns
// how many there were.
func PurgeExpiredSessions(ctx context.Context, db bun.IDB) (int64, error) {
	res, err := db.NewDelete().Model((*model.Session)(nil)).Where("expires_at <= ?", time.Now().UTC()).Exec(ctx)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
