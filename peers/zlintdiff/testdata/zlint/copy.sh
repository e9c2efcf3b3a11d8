#!/bin/sh
# Copies the zlint test certificates that zlintdiff uses as vectors from
# the zlint v3.7.3 module (github.com/zmap/zlint, tag v3.7.3, directory
# v3/testdata), with zlint's LICENSE (Apache-2.0). Run from this directory:
#
#	sh copy.sh
#
# The module must be in the module cache: go mod download
# github.com/zmap/zlint/v3@v3.7.3 (run from peers/) fetches it.
set -eu
src=$(cd ../../.. && go env GOMODCACHE)/github.com/zmap/zlint/v3@v3.7.3
for f in \
	39months subCertValidTimeTooLong subCertValidTimeGood \
	subCertOver825DaysBad subCertOver825DaysOK subCert825DaysOK \
	eeServerCertValidOver398OldNotBefore eeServerCertValidEqual397 eeServerCertValidOver397 \
	eeServerCertValidEqual398 eeServerCertValidOver398 caBasicConstCrit \
	justBeforeFirstMilestone exactlyOnFirstMilestoneExactly200days exactlyOnFirstMilestoneExactly199days \
	exactlyOnFirstMilestoneLongerThan200days justBeforeSecondMilestoneExactly200days \
	exactlyOnSecondMilestoneExactly100days exactlyOnSecondMilestoneExactly99days \
	exactlyOnSecondMilestoneLongerThan100days justBeforeThirdMilestoneExactly100days \
	exactlyOnThirdMilestoneExactly47days exactlyOnThirdMilestoneExactly46days \
	exactlyOnThirdMilestoneLongerThan47days withinThirdMilestoneLeapYear \
	cana_sub0_srvx_clix_effx cana_sub1_srv0_clix_effx cana_sub1_srv1_cli0_effx \
	cana_sub1_srv1_cli1_eff0 cana_sub1_srv1_cli1_eff1 \
	utcHasSeconds utcNoSeconds utcNotZulu generalizedNotZulu generalizedHasSeconds \
	generalizedAfter2050 generalizedPrior2050
do
	cp "$src/testdata/$f.pem" .
done
cp "$src/LICENSE" LICENSE
chmod 644 ./*.pem LICENSE
