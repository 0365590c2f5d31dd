package store

import (
	"bytes"
	"context"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/password"
)

// SessionStorage keeps web sessions in the sessions table. It implements
// fiber.Storage, so Fiber's session and CSRF middleware use it. Session ids
// are stored as keyed hashes: a copy of the table gives no usable session.
//
// The middleware reads a session several times per request and writes it
// back on every request only to extend it. So reads are served from memory
// for a moment (sessionFresh), and a write that changes nothing but pushes
// the expiry less than sessionExtend further reaches memory only. A session
// ended on another instance therefore works there for at most sessionFresh
// more.
type SessionStorage struct {
	db      *bun.DB
	secret  []byte
	timeout time.Duration

	mu    sync.Mutex
	cache map[string]cachedSession
}

type cachedSession struct {
	data    []byte
	expires time.Time // as stored in the database
	read    time.Time // when the database was last asked or written
}

const (
	sessionFresh    = 2 * time.Second
	sessionExtend   = time.Minute
	sessionCacheMax = 10000
)

// NewSessionStorage returns a storage over db whose keys are hashed with secret.
func NewSessionStorage(db *bun.DB, secret string) *SessionStorage {
	return &SessionStorage{db: db, secret: []byte(secret), timeout: 5 * time.Second, cache: map[string]cachedSession{}}
}

func (s *SessionStorage) remember(hash string, data []byte, expires time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.cache) >= sessionCacheMax {
		s.cache = map[string]cachedSession{}
	}
	s.cache[hash] = cachedSession{data: data, expires: expires, read: time.Now()}
}

func (s *SessionStorage) forget(hash string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.cache, hash)
}

func (s *SessionStorage) cached(hash string) (cachedSession, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache[hash]
	return c, ok
}

func (s *SessionStorage) hash(key string) string { return password.KeyedHash(s.secret, key) }

func (s *SessionStorage) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// Get returns the data of an unexpired session, or nil.
func (s *SessionStorage) Get(key string) ([]byte, error) {
	if key == "" {
		return nil, nil
	}
	hash := s.hash(key)
	now := time.Now()
	if c, ok := s.cached(hash); ok && now.Sub(c.read) < sessionFresh && c.expires.After(now) {
		return c.data, nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	var sess model.Session
	err := s.db.NewSelect().Model(&sess).
		Where("key = ?", hash).Where("expires_at > ?", now.UTC()).Scan(ctx)
	if err = notFound(err); err == ErrNotFound {
		s.forget(hash)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s.remember(hash, sess.Data, sess.ExpiresAt)
	return sess.Data, nil
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
	hash := s.hash(key)
	expires := time.Now().UTC().Add(exp)
	if c, ok := s.cached(hash); ok && bytes.Equal(c.data, val) && expires.Sub(c.expires) < sessionExtend {
		return nil
	}
	sess := &model.Session{Key: hash, Data: append([]byte(nil), val...), ExpiresAt: expires}
	_, err := s.db.NewInsert().Model(sess).
		On("CONFLICT (key) DO UPDATE").
		Set("data = EXCLUDED.data").Set("expires_at = EXCLUDED.expires_at").Exec(ctx)
	if err != nil {
		s.forget(hash)
		return err
	}
	s.remember(hash, sess.Data, expires)
	return nil
}

// Delete removes a session.
func (s *SessionStorage) Delete(key string) error {
	if key == "" {
		return nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	hash := s.hash(key)
	s.forget(hash)
	_, err := s.db.NewDelete().Model((*model.Session)(nil)).Where("key = ?", hash).Exec(ctx)
	return err
}

// Reset removes every session.
func (s *SessionStorage) Reset() error {
	ctx, cancel := s.ctx()
	defer cancel()
	s.mu.Lock()
	s.cache = map[string]cachedSession{}
	s.mu.Unlock()
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
