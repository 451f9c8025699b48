// Command budgetpub turns a folder of Chinese government budget disclosures
// into validated JSON documents, consistency reports, datasets and a static
// open-data site. Run `budgetpub help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signalContext()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// signalContext is cancelled by Ctrl-C and by SIGTERM, which systemd sends
// to stop a service: a run then stops as a failed one does, leaving the
// published release as it was.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
