// One virtual network: the Function app's outbound integration subnet and the Container Apps environment's
// subnet. The GPU apps are internal to the environment, so only this network reaches them, and their ingress
// allows only the Function app's subnet.

param location string
param tags object
param name string

param addressPrefix string = '10.40.0.0/16'
param functionsSubnetPrefix string = '10.40.0.0/24'

@description('Container Apps workload-profile environments need at least a /27; a /23 leaves room for GPU replicas.')
param containerAppsSubnetPrefix string = '10.40.2.0/23'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        // Flex Consumption's VNet integration delegates its subnet to Microsoft.App/environments.
        name: 'functions'
        properties: {
          addressPrefix: functionsSubnetPrefix
          delegations: [{ name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'containerapps'
        properties: {
          addressPrefix: containerAppsSubnetPrefix
          delegations: [{ name: 'aca', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
    ]
  }
}

output id string = vnet.id
output functionsSubnetId string = vnet.properties.subnets[0].id
output functionsSubnetPrefix string = functionsSubnetPrefix
output containerAppsSubnetId string = vnet.properties.subnets[1].id
