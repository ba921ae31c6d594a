package deploy

import (
	"os/exec"
	"testing"
)

// TestDeployFiles runs check.sh; it skips the validators that are not
// installed and says so, and fails if any installed one rejects a file.
func TestDeployFiles(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed; deploy/check.sh cannot run")
	}
	out, err := exec.Command(bash, "check.sh").CombinedOutput()
	t.Logf("deploy/check.sh:\n%s", out)
	if err != nil {
		t.Fatalf("deploy/check.sh failed: %v", err)
	}
}
