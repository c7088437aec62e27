package web_test

import "context"

// checkBoards fails the test when what is kept per board at write time
// (store.CheckBoards) differs from results after a write through the app.
func (s *corrSite) checkBoards(after string) {
	s.t.Helper()
	if err := s.st.CheckBoards(context.Background()); err != nil {
		s.t.Fatalf("after %s: %v", after, err)
	}
	// Every head stored as current must be the board's; each is stored
	// again for the next write to let go of (store.CheckStoredHeads).
	if err := s.st.CheckStoredHeads(context.Background()); err != nil {
		s.t.Fatalf("after %s: %v", after, err)
	}
}
