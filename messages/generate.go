package messages

//go:generate sh generate.sh
