package web

import "time"

// SetBoardClock has the board cache judge due dates by the day of now().
func (s *Server) SetBoardClock(now func() time.Time) {
	s.boards.mu.Lock()
	defer s.boards.mu.Unlock()
	s.boards.now = now
}

// SetBoardCache turns the board cache on or off; off, the plan page
// renders its rows with the rest of the page.
func (s *Server) SetBoardCache(on bool) {
	s.boards.mu.Lock()
	defer s.boards.mu.Unlock()
	s.boards.off = !on
}

// BoardCacheEntries is the number of boards the cache keeps.
func (s *Server) BoardCacheEntries() int {
	s.boards.mu.Lock()
	defer s.boards.mu.Unlock()
	return len(s.boards.items)
}
