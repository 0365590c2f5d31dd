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
// ended elsewhere is forgotten here when its end is announced (Ended,
// Forget); should the announcement go missing, it works here for at most
// sessionFresh more.
//
// A session row names its account (Bind) once its holder has signed in
// fully. Whoever reads a session checks that the account its data names
// is the account of its row (Record): a row written again by a request
// that was under way while the session ended names no account, and so
// signs nobody in.
type SessionStorage struct {
	db      *bun.DB
	secret  []byte
	timeout time.Duration

	mu      sync.Mutex
	cache   map[string]cachedSession
	onEnded []func(userID int64, ids []int64)
}

type cachedSession struct {
	id      int64
	userID  int64
	data    []byte
	expires time.Time // as stored in the database
	read    time.Time // when the database was last asked or written
}

// SessionRecord is what the table says of a session besides its data.
type SessionRecord struct {
	ID     int64
	UserID int64
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

func (s *SessionStorage) remember(hash string, c cachedSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.cache) >= sessionCacheMax {
		s.cache = map[string]cachedSession{}
	}
	c.read = time.Now()
	s.cache[hash] = c
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

// Hash is the form in which a session id is stored.
func (s *SessionStorage) Hash(key string) string { return s.hash(key) }

func (s *SessionStorage) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), s.timeout)
}

// load reads an unexpired session into memory; ok is false when there is none.
func (s *SessionStorage) load(hash string) (cachedSession, bool, error) {
	now := time.Now()
	if c, ok := s.cached(hash); ok && now.Sub(c.read) < sessionFresh && c.expires.After(now) {
		return c, true, nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	var sess model.Session
	err := s.db.NewSelect().Model(&sess).Column("id", "data", "expires_at", "user_id").
		Where("key = ?", hash).Where("expires_at > ?", now.UTC()).Scan(ctx)
	if err = notFound(err); err == ErrNotFound {
		s.forget(hash)
		return cachedSession{}, false, nil
	}
	if err != nil {
		return cachedSession{}, false, err
	}
	c := cachedSession{id: sess.ID, data: sess.Data, expires: sess.ExpiresAt}
	if sess.UserID != nil {
		c.userID = *sess.UserID
	}
	s.remember(hash, c)
	return c, true, nil
}

// Get returns the data of an unexpired session, or nil.
func (s *SessionStorage) Get(key string) ([]byte, error) {
	if key == "" {
		return nil, nil
	}
	c, ok, err := s.load(s.hash(key))
	if !ok || err != nil {
		return nil, err
	}
	return c.data, nil
}

// Record returns the id and account of an unexpired session; ok is false
// when there is none.
func (s *SessionStorage) Record(key string) (SessionRecord, bool, error) {
	if key == "" {
		return SessionRecord{}, false, nil
	}
	c, ok, err := s.load(s.hash(key))
	if !ok || err != nil {
		return SessionRecord{}, false, err
	}
	return SessionRecord{ID: c.id, UserID: c.userID}, true, nil
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
	now := time.Now().UTC()
	expires := now.Add(exp)
	if c, ok := s.cached(hash); ok && bytes.Equal(c.data, val) && expires.Sub(c.expires) < sessionExtend {
		return nil
	}
	sess := &model.Session{Key: hash, Data: append([]byte(nil), val...), ExpiresAt: expires, CreatedAt: now, LastSeenAt: now}
	_, err := s.db.NewInsert().Model(sess).
		Column("key", "data", "expires_at", "user_agent", "created_at", "last_seen_at").
		On("CONFLICT (key) DO UPDATE").
		Set("data = EXCLUDED.data").Set("expires_at = EXCLUDED.expires_at").Set("last_seen_at = EXCLUDED.last_seen_at").
		Returning("id, user_id").Exec(ctx)
	if err != nil {
		s.forget(hash)
		return err
	}
	c := cachedSession{id: sess.ID, data: sess.Data, expires: expires}
	if sess.UserID != nil {
		c.userID = *sess.UserID
	}
	s.remember(hash, c)
	return nil
}

// Bind names the account signed in with the session, and the browser
// (its User-Agent) it was started in.
func (s *SessionStorage) Bind(ctx context.Context, key string, userID int64, userAgent string) (int64, error) {
	hash := s.hash(key)
	now := time.Now().UTC()
	sess := new(model.Session)
	res, err := s.db.NewUpdate().Model(sess).
		Set("user_id = ?", userID).Set("user_agent = ?", userAgent).
		Set("created_at = ?", now).Set("last_seen_at = ?", now).
		Where("key = ?", hash).Returning("id, data, expires_at").Exec(ctx)
	if err := affected(res, err); err != nil {
		s.forget(hash)
		return 0, err
	}
	s.remember(hash, cachedSession{id: sess.ID, userID: userID, data: sess.Data, expires: sess.ExpiresAt})
	return sess.ID, nil
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

// Forget drops from memory the sessions with these ids, or every session
// of the account when ids is empty, after they ended (here or on another
// instance), so that none of them is served from memory any more.
func (s *SessionStorage) Forget(userID int64, ids []int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for hash, c := range s.cache {
		if len(ids) == 0 && c.userID == userID && userID != 0 {
			delete(s.cache, hash)
			continue
		}
		for _, id := range ids {
			if c.id == id {
				delete(s.cache, hash)
			}
		}
	}
}

// OnEnded registers f to run when sessions of an account ended on this
// instance (ids empty: all of them), such as closing their live
// connections.
func (s *SessionStorage) OnEnded(f func(userID int64, ids []int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onEnded = append(s.onEnded, f)
}

// Ended forgets sessions whose rows were removed (ids empty: every session
// of the account) and tells whoever registered with OnEnded.
func (s *SessionStorage) Ended(userID int64, ids []int64) {
	s.Forget(userID, ids)
	s.mu.Lock()
	hooks := append([]func(int64, []int64){}, s.onEnded...)
	s.mu.Unlock()
	for _, f := range hooks {
		f(userID, ids)
	}
}

// PurgeExpiredSessions removes the sessions that have expired and returns
// how many there were.
func PurgeExpiredSessions(ctx context.Context, db bun.IDB) (int64, error) {
	res, err := db.NewDelete().Model((*model.Session)(nil)).Where("expires_at <= ?", time.Now().UTC()).Exec(ctx)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// UserSessions lists the unexpired sessions of an account, the one used
// last first.
func UserSessions(ctx context.Context, db bun.IDB, userID int64) ([]model.Session, error) {
	var list []model.Session
	err := db.NewSelect().Model(&list).Column("id", "key", "expires_at", "user_id", "user_agent", "created_at", "last_seen_at").
		Where("user_id = ?", userID).Where("expires_at > ?", time.Now().UTC()).
		OrderExpr("last_seen_at DESC, id DESC").Scan(ctx)
	return list, err
}

// DeleteUserSession removes one session of an account.
func DeleteUserSession(ctx context.Context, db bun.IDB, userID, id int64) error {
	res, err := db.NewDelete().Model((*model.Session)(nil)).Where("id = ?", id).Where("user_id = ?", userID).Exec(ctx)
	return affected(res, err)
}

// DeleteUserSessions removes every session of an account but the one
// with id except (0: none), and returns the ids it removed.
func DeleteUserSessions(ctx context.Context, db bun.IDB, userID, except int64) ([]int64, error) {
	var ids []int64
	q := db.NewSelect().Model((*model.Session)(nil)).Column("id").Where("user_id = ?", userID)
	if except != 0 {
		q = q.Where("id <> ?", except)
	}
	if err := q.Scan(ctx, &ids); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	_, err := db.NewDelete().Model((*model.Session)(nil)).Where("user_id = ?", userID).Where("id IN (?)", bun.In(ids)).Exec(ctx)
	return ids, err
}
