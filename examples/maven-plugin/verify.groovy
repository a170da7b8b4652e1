// The first build failed on the port's case-sensitive search; the second, with the fix, passed.
def log = new File(basedir, 'build.log').text
assert log.contains('FAIL search/lowercase') : 'the mismatch is shown'
assert log.contains('decision legacy (exit 1)') : 'the build failed on the decision'
assert log.contains('Decision: candidate') : 'the fixed port passes'
return true
