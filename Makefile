# The two commands of the README's quick start. Both work on a machine with only
# Node 20 and npm: scripts/dev.sh brings Node 24 and pnpm 12 into a cache folder.
.PHONY: demo test
demo:
	@scripts/dev.sh demo
test:
	@scripts/dev.sh test
