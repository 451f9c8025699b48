// Command budgetpub turns a folder of Chinese government budget disclosures
// into validated JSON documents, consistency reports, datasets and a static
// open-data site. Run `budgetpub help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}
