package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/password"
	"schakel/app/store"
)

// SignInPolicy says how failed sign-ins slow down the next try. Nothing is
// ever locked: after a few failures each further try waits, the wait
// doubling with every failure up to a cap, and the right password after
// the wait always gets in.
type SignInPolicy struct {
	// AccountFree is how many failures an account may have before its
	// next sign-in waits. A run of failures ends with a successful sign-in
	// and is forgotten AccountForget after its last failure.
	AccountFree   int
	AccountForget time.Duration
	// AddressFree is how many failures one client address may have before
	// sign-ins from it wait; failures leak away, one per AddressLeak. An
	// office behind one address makes its typing errors over the day and
	// never reaches it; a guesser trying account after account does.
	// Successful sign-ins from the address are not counted at all.
	AddressFree int
	AddressLeak time.Duration
	// FirstDelay is the wait after the free failures, doubled with each
	// further failure up to MaxDelay.
	FirstDelay time.Duration
	MaxDelay   time.Duration
}

// DefaultSignInPolicy: five free failures per account, then 30 seconds,
// doubling up to 15 minutes: an account can so be tried at most about a
// hundred times a day, from however many addresses. An address has twenty
// free failures, leaking away one per three minutes.
var DefaultSignInPolicy = SignInPolicy{
	AccountFree: 5, AccountForget: 24 * time.Hour,
	AddressFree: 20, AddressLeak: 3 * time.Minute,
	FirstDelay: 30 * time.Second, MaxDelay: 15 * time.Minute,
}

// SignInPolicyFor is the default policy with the configured number of free
// failures per account (an address gets four times as many) and the time
// after which an account's run of failures is forgotten.
func SignInPolicyFor(attempts int, forget time.Duration) SignInPolicy {
	p := DefaultSignInPolicy
	p.AccountFree, p.AddressFree, p.AccountForget = attempts, 4*attempts, forget
	return p
}

// delay is the wait after failures, when free of them cost nothing.
func (p SignInPolicy) delay(failures, free int) time.Duration {
	if failures < free {
		return 0
	}
	d := p.FirstDelay
	for i := free; i < failures && d < p.MaxDelay; i++ {
		d *= 2
	}
	return min(d, p.MaxDelay)
}

// SignInDelayed is the answer to a sign-in tried before the wait that
// earlier failures imposed is over: try again after Wait.
type SignInDelayed struct{ Wait time.Duration }

func (e *SignInDelayed) Error() string { return fmt.Sprintf("sign-in delayed for %s", e.Wait) }

// SignInLimits counts failed sign-ins per account and per client address
// in the database (table signin_counts), so that two instances of Schakel
// on one PostgreSQL count together and a restart forgets nothing.
//
// The sign-in asks Check before it checks a password, and reports the
// outcome with Failed or Succeeded. Only failures count: a sign-in under
// way never counts against the address it comes from. For the account,
// Check counts the try as a failure as it lets it through, and Succeeded
// takes that back: otherwise a hundred guesses sent at the same moment
// would all be checked before the first failure was written down.
type SignInLimits struct {
	DB     *bun.DB
	Policy SignInPolicy
	// Now is the clock; tests move it on instead of waiting.
	Now func() time.Time

	secret []byte
}

// NewSignInLimits returns limits that keep their counts in db, under keys
// hashed with secret (the server's secret key, the same on every instance).
func NewSignInLimits(db *bun.DB, secret string, p SignInPolicy) *SignInLimits {
	return &SignInLimits{DB: db, Policy: p, Now: time.Now, secret: []byte(secret)}
}

func (l *SignInLimits) accountKey(email string) string {
	return "account:" + password.KeyedHash(l.secret, "signin-account:"+NormaliseEmail(email))
}

func (l *SignInLimits) addressKey(address string) string {
	return "address:" + password.KeyedHash(l.secret, "signin-address:"+address)
}

// accountLevel is the account's failures that still count at now.
func (l *SignInLimits) accountLevel(c *model.SignInCount, now time.Time) int {
	if c == nil || now.Sub(c.LastAt) > l.Policy.AccountForget {
		return 0
	}
	return c.Failures
}

// addressLevel is the address's failures left after leaking away.
func (l *SignInLimits) addressLevel(c *model.SignInCount, now time.Time) int {
	if c == nil {
		return 0
	}
	n := c.Failures
	if leak := l.Policy.AddressLeak; leak > 0 {
		n -= int(now.Sub(c.LastAt) / leak)
	}
	return max(n, 0)
}

// wait is what remains of the wait that level failures, the last at
// last, impose.
func wait(level, free int, last, now time.Time, p SignInPolicy) time.Duration {
	d := p.delay(level, free)
	if d == 0 {
		return 0
	}
	return max(last.Add(d).Sub(now), 0)
}

// read loads the count under key, nil when there is none.
func (l *SignInLimits) read(ctx context.Context, key string) (*model.SignInCount, error) {
	c, err := store.SignInCount(ctx, l.DB, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return c, err
}

// casTries bounds how often a count is read again when another request
// changed it in between; past it the sign-in is told to wait a moment.
const casTries = 8

// Check is asked before a password is checked: it returns how long the
// sign-in must wait, zero when the password may be checked now. A try it
// lets through is counted as a failure of the account at once (Succeeded
// takes it back).
func (l *SignInLimits) Check(ctx context.Context, email, address string) (time.Duration, error) {
	now := l.Now()
	addr, err := l.read(ctx, l.addressKey(address))
	if err != nil {
		return 0, err
	}
	var byAddress time.Duration
	if addr != nil {
		byAddress = wait(l.addressLevel(addr, now), l.Policy.AddressFree, addr.LastAt, now, l.Policy)
	}
	key := l.accountKey(email)
	for range casTries {
		acc, err := l.read(ctx, key)
		if err != nil {
			return 0, err
		}
		level := l.accountLevel(acc, now)
		var byAccount time.Duration
		if acc != nil {
			byAccount = wait(level, l.Policy.AccountFree, acc.LastAt, now, l.Policy)
		}
		if w := max(byAccount, byAddress); w > 0 {
			return w, nil
		}
		next := &model.SignInCount{Key: key, Failures: level + 1, LastAt: now}
		var ok bool
		if acc == nil {
			ok, err = store.CreateSignInCount(ctx, l.DB, next)
		} else {
			ok, err = store.UpdateSignInCount(ctx, l.DB, next, acc.Version)
		}
		if err != nil || ok {
			return 0, err
		}
		// Another try of the same account was counted first: read again.
	}
	return time.Second, nil
}

// Waiting reports how long a sign-in would wait, counting nothing.
func (l *SignInLimits) Waiting(ctx context.Context, email, address string) (time.Duration, error) {
	now := l.Now()
	var w time.Duration
	acc, err := l.read(ctx, l.accountKey(email))
	if err != nil {
		return 0, err
	}
	if acc != nil {
		w = wait(l.accountLevel(acc, now), l.Policy.AccountFree, acc.LastAt, now, l.Policy)
	}
	addr, err := l.read(ctx, l.addressKey(address))
	if err != nil {
		return 0, err
	}
	if addr != nil {
		w = max(w, wait(l.addressLevel(addr, now), l.Policy.AddressFree, addr.LastAt, now, l.Policy))
	}
	return w, nil
}

// Failed records a failed sign-in from the address (the account's was
// counted by Check already).
func (l *SignInLimits) Failed(ctx context.Context, email, address string) error {
	key := l.addressKey(address)
	for range casTries {
		now := l.Now()
		c, err := l.read(ctx, key)
		if err != nil {
			return err
		}
		next := &model.SignInCount{Key: key, Failures: l.addressLevel(c, now) + 1, LastAt: now}
		var ok bool
		if c == nil {
			ok, err = store.CreateSignInCount(ctx, l.DB, next)
		} else {
			ok, err = store.UpdateSignInCount(ctx, l.DB, next, c.Version)
		}
		if err != nil || ok {
			return err
		}
	}
	return errors.New("sign-in limits: the address's count kept changing")
}

// Succeeded ends the account's run of failures, including the try that
// Check counted. The address's count stays as it is: a success neither
// counts against it nor wipes out failures from it.
func (l *SignInLimits) Succeeded(ctx context.Context, email, address string) error {
	return store.DeleteSignInCount(ctx, l.DB, l.accountKey(email))
}

// Purge forgets the counts that no longer count, and returns how many.
func (l *SignInLimits) Purge(ctx context.Context) (int64, error) {
	keep := max(l.Policy.AccountForget, time.Duration(l.Policy.AddressFree+1)*l.Policy.AddressLeak, l.Policy.MaxDelay)
	return store.PurgeSignInCounts(ctx, l.DB, l.Now().Add(-keep))
}
