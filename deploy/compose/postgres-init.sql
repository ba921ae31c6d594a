-- One database per SU and one for the router: an SU's schedule is its own
-- (never shared), and the router keeps only the process -> SU map.
CREATE DATABASE su1;
CREATE DATABASE su2;
CREATE DATABASE router;
