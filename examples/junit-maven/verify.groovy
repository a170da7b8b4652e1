// Surefire ran each case of the suite as a JUnit test, and the engine wrote Parity's reports.
def reports = new File(basedir, 'target/surefire-reports')
def xml = reports.listFiles().find { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
assert xml != null : "no Surefire report in ${reports}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
def names = suite.testcase.collect { it.@name.text() } as Set
assert names == ['list', 'count', 'search/exact', 'search/lowercase', 'search/none', 'usage'] as Set : "cases run as tests: ${names}"
assert suite.@failures.text() == '0' && suite.@errors.text() == '0'
def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'reports/names/verdict.json'))
assert verdict.decision == 'candidate' : "verdict: ${verdict.decision}"
return true
