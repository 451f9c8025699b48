// Package check runs the consistency rules over a document's model.
package check

import "budgetpub/schema"

// Run appends the findings of every rule to doc.Checks.
func Run(doc *schema.Document) {}
