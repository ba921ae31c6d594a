package membership

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// insecureCreds is the transport remoting uses between nodes: plain
// gRPC, so cluster traffic belongs on a private network.
func insecureCreds() grpc.DialOption {
	return grpc.WithTransportCredentials(insecure.NewCredentials())
}
