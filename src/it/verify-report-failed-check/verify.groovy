def log = new File(basedir, 'build.log').text
assert log.contains('Routing check failed: put 10 records -> POSITIVE_TRANSACTIONS 4/5, NEGATIVE_TRANSACTIONS 5/5; p99 put->output 12 ms')
assert log.contains('POSITIVE_TRANSACTIONS (stream PositiveTransactions): 1 of 5 expected rows did not arrive, first: {"ID":7,"USERNAME":"alice","AMOUNT":1.5}')
