/**
 * kubectl 1.33's `--help` for the commands the simulator knows by name and does not simulate
 * (unsimulated.ts), by command path: `kubectl <path> --help` prints them as kubectl does.
 *
 * A flag is `[name, spec, help]`, its spec `[-SHORTHAND ]TYPE[=DEFAULT]` (`-c string`,
 * `int=-1`, `bool=true`), or the name of a flag many commands share with the same words
 * (flags.ts, PRINT_FLAGS).
 */

export type HelpFlag = string | [name: string, spec: string, help: string];

export interface Help {
  short: string;
  long: string;
  aliases?: string[];
  examples?: string;
  usage: string;
  flags: HelpFlag[];
}

export const HELP: Record<string, Help> = {
  'create clusterrole': {
    short: 'Create a cluster role',
    long: 'Create a cluster role.',
    examples:
      '  # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n  \n  # Create a cluster role named "pod-reader" with ResourceName specified\n  kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a cluster role named "foo" with API Group specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a cluster role named "foo" with SubResource specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n  \n  # Create a cluster role name "foo" with NonResourceURL specified\n  kubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*\n  \n  # Create a cluster role name "monitoring" with AggregationRule specified\n  kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
    usage:
      'kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
    flags: [
      ['aggregation-rule', 'map', 'An aggregation label selector for combining ClusterRoles.'],
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      ['non-resource-url', 'stringArray', 'A partial url that user should have access to.'],
      'output',
      ['resource', 'stringArray', 'Resource that the rule applies to'],
      [
        'resource-name',
        'stringArray',
        'Resource in the white list that the rule applies to, repeat this flag for multiple items',
      ],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
      ['verb', 'stringArray', 'Verb that applies to the resources contained in the rule'],
    ],
  },
  'create clusterrolebinding': {
    short: 'Create a cluster role binding for a particular cluster role',
    long: 'Create a cluster role binding for a particular cluster role.',
    examples:
      '  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n  kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
    usage:
      'kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['clusterrole', 'string', 'ClusterRole this ClusterRoleBinding should reference'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'group',
        'stringArray',
        'Groups to bind to the clusterrole. The flag can be repeated to add multiple groups.',
      ],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      [
        'serviceaccount',
        'stringArray',
        'Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
      ],
      'show-managed-fields',
      'template',
      [
        'user',
        'stringArray',
        'Usernames to bind to the clusterrole. The flag can be repeated to add multiple users.',
      ],
      'validate',
    ],
  },
  'create configmap': {
    short: 'Create a config map from a local file, directory or literal value',
    long: 'Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).',
    aliases: ['cm'],
    examples:
      '  # Create a new config map named my-config based on folder bar\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config with specified keys instead of file basenames on disk\n  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt\n  \n  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n  \n  # Create a new config map named my-config from the key=value pairs in the file\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config from an env file\n  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
    usage:
      'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['append-hash', 'bool', 'Append a hash of the configmap to its name.'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'from-env-file',
        'stringArray',
        'Specify the path to a file to read lines of key=val pairs to create a configmap.',
      ],
      [
        'from-file',
        'stringArray',
        'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.',
      ],
      [
        'from-literal',
        'stringArray',
        'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
      ],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create cronjob': {
    short: 'Create a cron job with the specified name',
    long: 'Create a cron job with the specified name.',
    aliases: ['cj'],
    examples:
      '  # Create a cron job\n  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"\n  \n  # Create a cron job with a command\n  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
    usage:
      "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      ['image', 'string', 'Image name to run.'],
      'output',
      ['restart', 'string', "job's restart policy. supported values: OnFailure, Never"],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      ['schedule', 'string', 'A schedule in the Cron format the job should be run with.'],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create ingress': {
    short: 'Create an ingress with the specified name',
    long: 'Create an ingress with the specified name.',
    aliases: ['ing'],
    examples:
      '  # Create a single ingress called \'simple\' that directs requests to foo.com/bar to svc\n  # svc1:8080 with a TLS secret "my-cert"\n  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"\n  \n  # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"\n  kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"\n  \n  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\n  kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\\n  --annotation ingress.annotation1=foo \\\n  --annotation ingress.annotation2=bla\n  \n  # Create an ingress with the same host and multiple paths\n  kubectl create ingress multipath --class=default \\\n  --rule="foo.com/=svc:port" \\\n  --rule="foo.com/admin/=svcadmin:portadmin"\n  \n  # Create an ingress with multiple hosts and the pathType as Prefix\n  kubectl create ingress ingress1 --class=default \\\n  --rule="foo.com/path*=svc:8080" \\\n  --rule="bar.com/admin*=svc2:http"\n  \n  # Create an ingress with TLS enabled using the default ingress certificate and different path types\n  kubectl create ingress ingtls --class=default \\\n  --rule="foo.com/=svc:https,tls" \\\n  --rule="foo.com/path/subpath*=othersvc:8080"\n  \n  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix\n  kubectl create ingress ingsecret --class=default \\\n  --rule="foo.com/*=svc:8080,tls=secret1"\n  \n  # Create an ingress with a default backend\n  kubectl create ingress ingdefault --class=default \\\n  --default-backend=defaultsvc:http \\\n  --rule="foo.com/*=svc:8080,tls=secret1"',
    usage: 'kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'annotation',
        'stringArray',
        'Annotation to insert in the ingress object, in the format annotation=value',
      ],
      ['class', 'string', 'Ingress Class to be used'],
      ['default-backend', 'string', 'Default service for backend, in format of svcname:port'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      'output',
      [
        'rule',
        'stringArray',
        "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional.",
      ],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create job': {
    short: 'Create a job with the specified name',
    long: 'Create a job with the specified name.',
    examples:
      '  # Create a job\n  kubectl create job my-job --image=busybox\n  \n  # Create a job with a command\n  kubectl create job my-job --image=busybox -- date\n  \n  # Create a job from a cron job named "a-cronjob"\n  kubectl create job test-job --from=cronjob/a-cronjob',
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      ['from', 'string', 'The name of the resource to create a Job from (only cronjob is supported).'],
      ['image', 'string', 'Image name to run.'],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create namespace': {
    short: 'Create a namespace with the specified name',
    long: 'Create a namespace with the specified name.',
    aliases: ['ns'],
    examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create priorityclass': {
    short: 'Create a priority class with the specified name',
    long: 'Create a priority class with the specified name, value, globalDefault and description.',
    aliases: ['pc'],
    examples:
      '  # Create a priority class named high-priority\n  kubectl create priorityclass high-priority --value=1000 --description="high priority"\n  \n  # Create a priority class named default-priority that is considered as the global default priority\n  kubectl create priorityclass default-priority --value=1000 --global-default=true --description="default priority"\n  \n  # Create a priority class named high-priority that cannot preempt pods with lower priority\n  kubectl create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
    usage:
      'kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'description',
        'string',
        'description is an arbitrary string that usually provides guidelines on when this priority class should be used.',
      ],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'global-default',
        'bool',
        'global-default specifies whether this PriorityClass should be considered as the default priority.',
      ],
      'output',
      [
        'preemption-policy',
        'string=PreemptLowerPriority',
        'preemption-policy is the policy for preempting pods with lower priority.',
      ],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
      ['value', 'int', 'the value of this priority class.'],
    ],
  },
  'create quota': {
    short: 'Create a quota with the specified name',
    long: 'Create a resource quota with the specified name, hard limits, and optional scopes.',
    aliases: ['resourcequota'],
    examples:
      '  # Create a new resource quota named my-quota\n  kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10\n  \n  # Create a new resource quota named best-effort\n  kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort',
    usage:
      'kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      ['hard', 'string', 'A comma-delimited set of resource=quantity pairs that define a hard limit.'],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      [
        'scopes',
        'string',
        'A comma-delimited set of quota scopes that must all match each object tracked by the quota.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create role': {
    short: 'Create a role with single rule',
    long: 'Create a role with single rule.',
    examples:
      '  # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods\n  \n  # Create a role named "pod-reader" with ResourceName specified\n  kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a role named "foo" with API Group specified\n  kubectl create role foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a role named "foo" with SubResource specified\n  kubectl create role foo --verb=get,list,watch --resource=pods,pods/status',
    usage:
      'kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      'output',
      ['resource', 'stringArray', 'Resource that the rule applies to'],
      [
        'resource-name',
        'stringArray',
        'Resource in the white list that the rule applies to, repeat this flag for multiple items',
      ],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
      ['verb', 'stringArray', 'Verb that applies to the resources contained in the rule'],
    ],
  },
  'create rolebinding': {
    short: 'Create a role binding for a particular role or cluster role',
    long: 'Create a role binding for a particular role or cluster role.',
    examples:
      '  # Create a role binding for user1, user2, and group1 using the admin cluster role\n  kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1\n  \n  # Create a role binding for service account monitoring:sa-dev using the admin role\n  kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
    usage:
      'kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['clusterrole', 'string', 'ClusterRole this RoleBinding should reference'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'group',
        'stringArray',
        'Groups to bind to the role. The flag can be repeated to add multiple groups.',
      ],
      'output',
      ['role', 'string', 'Role this RoleBinding should reference'],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      [
        'serviceaccount',
        'stringArray',
        'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
      ],
      'show-managed-fields',
      'template',
      [
        'user',
        'stringArray',
        'Usernames to bind to the role. The flag can be repeated to add multiple users.',
      ],
      'validate',
    ],
  },
  'create secret': {
    short: 'Create a secret using a specified subcommand',
    long: 'Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.',
    usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
    flags: [],
  },
  'create secret docker-registry': {
    short: 'Create a secret for use with a Docker registry',
    long: "Create a new secret for use with Docker registries.\n        \n        Dockercfg secrets are used to authenticate against Docker registries.\n        \n        When using the Docker command line to push images, you can authenticate to a given registry by running:\n        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n        \n That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\n        When creating applications, you may have a Docker registry that requires authentication.  In order for the\n        nodes to pull images on your behalf, they must have the credentials.  You can provide this information\n        by creating a dockercfg secret and attaching it to your service account.",
    examples:
      '  # If you do not already have a .dockercfg file, create a dockercfg secret directly\n  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL\n  \n  # Create a new secret named my-secret from ~/.docker/config.json\n  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json',
    usage:
      'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['append-hash', 'bool', 'Append a hash of the secret to its name.'],
      ['docker-email', 'string', 'Email for Docker registry'],
      ['docker-password', 'string', 'Password for Docker registry authentication'],
      ['docker-server', 'string=https://index.docker.io/v1/', 'Server location for Docker registry'],
      ['docker-username', 'string', 'Username for Docker registry authentication'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'from-file',
        'stringArray',
        'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.',
      ],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create secret generic': {
    short: 'Create a secret from a local file, directory, or literal value',
    long: 'Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).',
    examples:
      '  # Create a new secret named my-secret with keys for each file in folder bar\n  kubectl create secret generic my-secret --from-file=path/to/bar\n  \n  # Create a new secret named my-secret with specified keys instead of names on disk\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub\n  \n  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret\n  \n  # Create a new secret named my-secret using a combination of a file and a literal\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret\n  \n  # Create a new secret named my-secret from env files\n  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
    usage:
      'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['append-hash', 'bool', 'Append a hash of the secret to its name.'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      [
        'from-env-file',
        'stringArray',
        'Specify the path to a file to read lines of key=val pairs to create a secret.',
      ],
      [
        'from-file',
        'stringArray',
        'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
      ],
      [
        'from-literal',
        'stringArray',
        'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)',
      ],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      ['type', 'string', 'The type of secret to create'],
      'validate',
    ],
  },
  'create secret tls': {
    short: 'Create a TLS secret',
    long: 'Create a TLS secret from the given public/private key pair.\n\n The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.',
    examples:
      '  # Create a new TLS secret named tls-secret with the given key pair\n  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key',
    usage:
      'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      ['append-hash', 'bool', 'Append a hash of the secret to its name.'],
      ['cert', 'string', 'Path to PEM encoded public key certificate.'],
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      ['key', 'string', 'Path to private key associated with given certificate.'],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create serviceaccount': {
    short: 'Create a service account with the specified name',
    long: 'Create a service account with the specified name.',
    aliases: ['sa'],
    examples:
      '  # Create a new service account named my-service-account\n  kubectl create serviceaccount my-service-account',
    usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-create', 'Name of the manager used to track field ownership.'],
      'output',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
      'validate',
    ],
  },
  'create token': {
    short: 'Request a service account token',
    long: 'Request a service account token.',
    examples:
      '  # Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace\n  kubectl create token myapp\n  \n  # Request a token for a service account in a custom namespace\n  kubectl create token myapp --namespace myns\n  \n  # Request a token with a custom expiration\n  kubectl create token myapp --duration 10m\n  \n  # Request a token with a custom audience\n  kubectl create token myapp --audience https://example.com\n  \n  # Request a token bound to an instance of a Secret object\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret\n  \n  # Request a token bound to an instance of a Secret object with a specific UID\n  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc',
    usage: 'kubectl create token SERVICE_ACCOUNT_NAME [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'audience',
        'stringArray',
        'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.',
      ],
      [
        'bound-object-kind',
        'string',
        'Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided.',
      ],
      [
        'bound-object-name',
        'string',
        'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.',
      ],
      [
        'bound-object-uid',
        'string',
        'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.',
      ],
      [
        'duration',
        'duration',
        'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.',
      ],
      'output',
      'show-managed-fields',
      'template',
    ],
  },
  run: {
    short: 'Run a particular image on the cluster',
    long: 'Create and run a particular image in a pod.',
    examples:
      '  # Start a nginx pod\n  kubectl run nginx --image=nginx\n  \n  # Start a hazelcast pod and let the container expose port 5701\n  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701\n  \n  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"\n  \n  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"\n  \n  # Dry run; print the corresponding API objects without creating them\n  kubectl run nginx --image=nginx --dry-run=client\n  \n  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n  kubectl run nginx --image=nginx --overrides=\'{ "apiVersion": "v1", "spec": { ... } }\'\n  \n  # Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\n  kubectl run -i -t busybox --image=busybox --restart=Never\n  \n  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\n  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>\n  \n  # Start the nginx pod using a different command and custom arguments\n  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
    usage:
      'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
    flags: [
      'allow-missing-template-keys',
      ['annotations', 'stringArray', 'Annotations to apply to the pod.'],
      [
        'attach',
        'bool',
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
      ],
      [
        'cascade',
        'string=background',
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      ],
      [
        'command',
        'bool',
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
      ],
      'dry-run',
      ['env', 'stringArray', 'Environment variables to set in the container.'],
      ['expose', 'bool', 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.'],
      ['field-manager', 'string=kubectl-run', 'Name of the manager used to track field ownership.'],
      ['filename', '-f stringArray', 'to use to replace the resource.'],
      [
        'force',
        'bool',
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
      ],
      [
        'grace-period',
        'int=-1',
        'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      ],
      ['image', 'string', 'The image for the container to run.'],
      [
        'image-pull-policy',
        'string',
        'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
      ],
      [
        'kustomize',
        '-k string',
        "Process a kustomization directory. This flag can't be used together with -f or -R.",
      ],
      ['labels', '-l string', 'Comma separated labels to apply to the pod. Will override previous values.'],
      [
        'leave-stdin-open',
        'bool',
        'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
      ],
      'output',
      [
        'override-type',
        'string=merge',
        'The method used to override the generated object: json, merge, or strategic.',
      ],
      [
        'overrides',
        'string',
        'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
      ],
      [
        'pod-running-timeout',
        'duration=1m0s',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      ],
      ['port', 'string', 'The port that this container exposes.'],
      ['privileged', 'bool', 'If true, run the container in privileged mode.'],
      ['quiet', '-q bool', 'If true, suppress prompt messages.'],
      'recursive',
      [
        'restart',
        'string=Always',
        'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
      ],
      [
        'rm',
        'bool',
        "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
      ],
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      ['stdin', '-i bool', 'Keep stdin open on the container in the pod, even if nothing is attached.'],
      'template',
      [
        'timeout',
        'duration',
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      ],
      ['tty', '-t bool', 'Allocate a TTY for the container in the pod.'],
      ['wait', 'bool', 'If true, wait for resources to be gone before returning. This waits for finalizers.'],
    ],
  },
  autoscale: {
    short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
    long: 'Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster. The command will attempt to use the autoscaling/v2 API first, in case of an error, it will fall back to autoscaling/v1 API.\n\n Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.',
    examples:
      '  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used\n  kubectl autoscale deployment foo --min=2 --max=10\n  \n  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%\n  kubectl autoscale rc foo --max=5 --cpu-percent=80',
    usage:
      'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'cpu-percent',
        'int=-1',
        "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.",
      ],
      'dry-run',
      ['field-manager', 'string=kubectl-autoscale', 'Name of the manager used to track field ownership.'],
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files identifying the resource to autoscale.',
      ],
      'kustomize',
      [
        'max',
        'int=-1',
        'The upper limit for the number of pods that can be set by the autoscaler. Required.',
      ],
      [
        'min',
        'int=-1',
        "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.",
      ],
      [
        'name',
        'string',
        'The name for the newly created object. If not specified, the name of the input resource will be used.',
      ],
      'output',
      'recursive',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      'template',
    ],
  },
  certificate: {
    short: 'Modify certificate resources',
    long: 'Modify certificate resources.',
    usage: 'kubectl certificate SUBCOMMAND [options]',
    flags: [],
  },
  'certificate approve': {
    short: 'Approve a certificate signing request',
    long: 'Approve a certificate signing request.\n\n kubectl certificate approve allows a cluster admin to approve a certificate signing request (CSR). This action tells a certificate signing controller to issue a certificate to the requester with the attributes requested in the CSR.\n\n SECURITY NOTICE: Depending on the requested attributes, the issued certificate can potentially grant a requester access to cluster resources or to authenticate as a requested identity. Before approving a CSR, ensure you understand what the signed certificate can do.',
    examples: "  # Approve CSR 'csr-sqgzp'\n  kubectl certificate approve csr-sqgzp",
    usage: 'kubectl certificate approve (-f FILENAME | NAME) [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files identifying the resource to update',
      ],
      ['force', 'bool', 'Update the CSR even if it is already approved.'],
      'kustomize',
      'output',
      'recursive',
      'show-managed-fields',
      'template',
    ],
  },
  'certificate deny': {
    short: 'Deny a certificate signing request',
    long: 'Deny a certificate signing request.\n\n kubectl certificate deny allows a cluster admin to deny a certificate signing request (CSR). This action tells a certificate signing controller to not to issue a certificate to the requester.',
    examples: "  # Deny CSR 'csr-sqgzp'\n  kubectl certificate deny csr-sqgzp",
    usage: 'kubectl certificate deny (-f FILENAME | NAME) [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files identifying the resource to update',
      ],
      ['force', 'bool', 'Update the CSR even if it is already denied.'],
      'kustomize',
      'output',
      'recursive',
      'show-managed-fields',
      'template',
    ],
  },
  'cluster-info': {
    short: 'Display cluster information',
    long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
    examples: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
    usage: 'kubectl cluster-info [flags] [options]',
    flags: [],
  },
  'cluster-info dump': {
    short: 'Dump relevant information for debugging and diagnosis',
    long: "Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.\n\n The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.",
    examples:
      '  # Dump current cluster state to stdout\n  kubectl cluster-info dump\n  \n  # Dump current cluster state to /path/to/cluster-state\n  kubectl cluster-info dump --output-directory=/path/to/cluster-state\n  \n  # Dump all namespaces to stdout\n  kubectl cluster-info dump --all-namespaces\n  \n  # Dump a set of namespaces to /path/to/cluster-state\n  kubectl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state',
    usage: 'kubectl cluster-info dump [flags] [options]',
    flags: [
      ['all-namespaces', '-A bool', 'If true, dump all namespaces.  If true, --namespaces is ignored.'],
      'allow-missing-template-keys',
      ['namespaces', 'stringArray', 'A comma separated list of namespaces to dump.'],
      [
        'output',
        '-o string=json',
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      ],
      [
        'output-directory',
        'string',
        "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory",
      ],
      [
        'pod-running-timeout',
        'duration=20s',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      ],
      'show-managed-fields',
      'template',
    ],
  },
  top: {
    short: 'Display resource (CPU/memory) usage',
    long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
    usage: 'kubectl top [flags] [options]',
    flags: [],
  },
  'top node': {
    short: 'Display resource (CPU/memory) usage of nodes',
    long: 'Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.',
    aliases: ['nodes', 'no'],
    examples:
      '  # Show metrics for all nodes\n  kubectl top node\n  \n  # Show metrics for a given node\n  kubectl top node NODE_NAME',
    usage: 'kubectl top node [NAME | -l label] [options]',
    flags: [
      ['no-headers', 'bool', 'If present, print output without headers'],
      'selector',
      [
        'show-capacity',
        'bool',
        'Print node resources based on Capacity instead of Allocatable(default) of the nodes.',
      ],
      [
        'sort-by',
        'string',
        "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.",
      ],
      ['use-protocol-buffers', 'bool=true', 'Enables using protocol-buffers to access Metrics API.'],
    ],
  },
  'top pod': {
    short: 'Display resource (CPU/memory) usage of pods',
    long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
    aliases: ['pods', 'po'],
    examples:
      '  # Show metrics for all pods in the default namespace\n  kubectl top pod\n  \n  # Show metrics for all pods in the given namespace\n  kubectl top pod --namespace=NAMESPACE\n  \n  # Show metrics for a given pod and its containers\n  kubectl top pod POD_NAME --containers\n  \n  # Show metrics for the pods defined by label name=myLabel\n  kubectl top pod -l name=myLabel',
    usage: 'kubectl top pod [NAME | -l label] [options]',
    flags: [
      [
        'all-namespaces',
        '-A bool',
        'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
      ],
      ['containers', 'bool', 'If present, print usage of containers within a pod.'],
      [
        'field-selector',
        'string',
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
      ],
      ['no-headers', 'bool', 'If present, print output without headers.'],
      'selector',
      [
        'sort-by',
        'string',
        "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.",
      ],
      ['sum', 'bool', 'Print the sum of the resource usage'],
      ['use-protocol-buffers', 'bool=true', 'Enables using protocol-buffers to access Metrics API.'],
    ],
  },
  attach: {
    short: 'Attach to a running container',
    long: 'Attach to a process that is already running inside an existing container.',
    examples:
      "  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n  # for selecting the container to be attached or the first container in the pod will be chosen\n  kubectl attach mypod\n  \n  # Get output from ruby-container from pod mypod\n  kubectl attach mypod -c ruby-container\n  \n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl attach mypod -c ruby-container -i -t\n  \n  # Get output from the first pod of a replica set named nginx\n  kubectl attach rs/nginx",
    usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
    flags: [
      [
        'container',
        '-c string',
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      ],
      [
        'pod-running-timeout',
        'duration=1m0s',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      ],
      ['quiet', '-q bool', 'Only print output from the remote session'],
      ['stdin', '-i bool', 'Pass stdin to the container'],
      ['tty', '-t bool', 'Stdin is a TTY'],
    ],
  },
  exec: {
    short: 'Execute a command in a container',
    long: 'Execute a command in a container.',
    examples:
      "  # Get output from running the 'date' command from pod mypod, using the first container by default\n  kubectl exec mypod -- date\n  \n  # Get output from running the 'date' command in ruby-container from pod mypod\n  kubectl exec mypod -c ruby-container -- date\n  \n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl exec mypod -c ruby-container -i -t -- bash -il\n  \n  # List contents of /usr from the first container of pod mypod and sort by modification time\n  # If the command you want to execute in the pod has any flags in common (e.g. -i),\n  # you must use two dashes (--) to separate your command's flags/arguments\n  # Also note, do not surround your command and its flags/arguments with quotes\n  # unless that is how you would execute it normally (i.e., do ls -t /usr, not \"ls -t /usr\")\n  kubectl exec mypod -i -t -- ls -t /usr\n  \n  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default\n  kubectl exec deploy/mydeployment -- date\n  \n  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default\n  kubectl exec svc/myservice -- date",
    usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
    flags: [
      [
        'container',
        '-c string',
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      ],
      ['filename', '-f stringArray', 'to use to exec into the resource'],
      [
        'pod-running-timeout',
        'duration=1m0s',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      ],
      ['quiet', '-q bool', 'Only print output from the remote session'],
      ['stdin', '-i bool', 'Pass stdin to the container'],
      ['tty', '-t bool', 'Stdin is a TTY'],
    ],
  },
  'port-forward': {
    short: 'Forward one or more local ports to a pod',
    long: "Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.\n\n If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.",
    examples:
      '  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod\n  kubectl port-forward pod/mypod 5000 6000\n  \n  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment\n  kubectl port-forward deployment/mydeployment 5000 6000\n  \n  # Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service\n  kubectl port-forward service/myservice 8443:https\n  \n  # Listen on port 8888 locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod 8888:5000\n  \n  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod\n  kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000\n  \n  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod\n  kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000\n  \n  # Listen on a random port locally, forwarding to 5000 in the pod\n  kubectl port-forward pod/mypod :5000',
    usage:
      'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
    flags: [
      [
        'address',
        'stringArray=localhost',
        'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
      ],
      [
        'pod-running-timeout',
        'duration=1m0s',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      ],
    ],
  },
  proxy: {
    short: 'Run a proxy to the Kubernetes API server',
    long: 'Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.',
    examples:
      "  # To proxy all of the Kubernetes API and nothing else\n  kubectl proxy --api-prefix=/\n  \n  # To proxy only part of the Kubernetes API and also some static files\n  # You can get pods info with 'curl localhost:8001/api/v1/pods'\n  kubectl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/\n  \n  # To proxy the entire Kubernetes API at a different root\n  # You can get pods info with 'curl localhost:8001/custom/api/v1/pods'\n  kubectl proxy --api-prefix=/custom/\n  \n  # Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/\n  kubectl proxy --port=8011 --www=./local/www/\n  \n  # Run a proxy to the Kubernetes API server on an arbitrary local port\n  # The chosen port for the server will be output to stdout\n  kubectl proxy --port=0\n  \n  # Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api\n  # This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/\n  kubectl proxy --api-prefix=/k8s-api",
    usage:
      'kubectl proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]',
    flags: [
      [
        'accept-hosts',
        'string=^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$',
        'Regular expression for hosts that the proxy should accept.',
      ],
      ['accept-paths', 'string=^.*', 'Regular expression for paths that the proxy should accept.'],
      ['address', 'string=127.0.0.1', 'The IP address on which to serve on.'],
      ['api-prefix', 'string=/', 'Prefix to serve the proxied API under.'],
      [
        'append-server-path',
        'bool',
        'If true, enables automatic path appending of the kube context server path to each request.',
      ],
      [
        'disable-filter',
        'bool',
        'If true, disable request filtering in the proxy. This is dangerous, and can leave you vulnerable to XSRF attacks, when used with an accessible port.',
      ],
      [
        'keepalive',
        'duration',
        'keepalive specifies the keep-alive period for an active network connection. Set to 0 to disable keepalive.',
      ],
      ['port', '-p int=8001', 'The port on which to run the proxy. Set to 0 to pick a random port.'],
      [
        'reject-methods',
        'string=^$',
        "Regular expression for HTTP methods that the proxy should reject (example --reject-methods='POST,PUT,PATCH'). ",
      ],
      [
        'reject-paths',
        'string=^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach',
        'Regular expression for paths that the proxy should reject. Paths specified here will be rejected even accepted by --accept-paths.',
      ],
      ['unix-socket', '-u string', 'Unix socket on which to run the proxy.'],
      ['www', '-w string', 'Also serve static files from the given directory under the specified prefix.'],
      [
        'www-prefix',
        '-P string=/static/',
        'Prefix to serve static files under, if static file directory is specified.',
      ],
    ],
  },
  cp: {
    short: 'Copy files and directories to and from containers',
    long: 'Copy files and directories to and from containers.',
    examples:
      "  # !!!Important Note!!!\n  # Requires that the 'tar' binary is present in your container\n  # image.  If 'tar' is not present, 'kubectl cp' will fail.\n  #\n  # For advanced use cases, such as symlinks, wildcard expansion or\n  # file mode preservation, consider using 'kubectl exec'.\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>\n  tar cf - /tmp/foo | kubectl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar\n  \n  # Copy /tmp/foo from a remote pod to /tmp/bar locally\n  kubectl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar\n  \n  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace\n  kubectl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container\n  kubectl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>\n  \n  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>\n  kubectl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar\n  \n  # Copy /tmp/foo from a remote pod to /tmp/bar locally\n  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar",
    usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]',
    flags: [
      [
        'container',
        '-c string',
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      ],
      [
        'no-preserve',
        'bool',
        "The copied file/directory's ownership and permissions will not be preserved in the container",
      ],
      [
        'retries',
        'int',
        'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).',
      ],
    ],
  },
  auth: {
    short: 'Inspect authorization',
    long: 'Inspect authorization.',
    usage: 'kubectl auth [flags] [options]',
    flags: [],
  },
  'auth can-i': {
    short: 'Check whether an action is allowed',
    long: "Check whether an action is allowed.\n\n VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with \"/\". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.",
    examples:
      '  # Check to see if I can create pods in any namespace\n  kubectl auth can-i create pods --all-namespaces\n  \n  # Check to see if I can list deployments in my current namespace\n  kubectl auth can-i list deployments.apps\n  \n  # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"\n  # You must be allowed to use impersonation for the global option "--as"\n  kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod\n  \n  # Check to see if I can do everything in my current namespace ("*" means all)\n  kubectl auth can-i \'*\' \'*\'\n  \n  # Check to see if I can get the job named "bar" in namespace "foo"\n  kubectl auth can-i list jobs.batch/bar -n foo\n  \n  # Check to see if I can read pod logs\n  kubectl auth can-i get pods --subresource=log\n  \n  # Check to see if I can access the URL /logs/\n  kubectl auth can-i get /logs/\n  \n  # Check to see if I can approve certificates.k8s.io\n  kubectl auth can-i approve certificates.k8s.io\n  \n  # List all allowed actions in namespace "foo"\n  kubectl auth can-i --list --namespace=foo',
    usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
    flags: [
      ['all-namespaces', '-A bool', 'If true, check the specified action in all namespaces.'],
      ['list', 'bool', 'If true, prints all allowed actions.'],
      ['no-headers', 'bool', 'If true, prints allowed actions without headers'],
      ['quiet', '-q bool', 'If true, suppress output and just return the exit code.'],
      ['subresource', 'string', 'SubResource such as pod/log or deployment/scale'],
    ],
  },
  'auth reconcile': {
    short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
    long: "Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects.\n\n Missing objects are created, and the containing namespace is created for namespaced objects, if required.\n\n Existing roles are updated to include the permissions in the input objects, and remove extra permissions if --remove-extra-permissions is specified.\n\n Existing bindings are updated to include the subjects in the input objects, and remove extra subjects if --remove-extra-subjects is specified.\n\n This is preferred to 'apply' for RBAC resources so that semantically-aware merging of rules and subjects is done.",
    examples: '  # Reconcile RBAC resources from a file\n  kubectl auth reconcile -f my-rbac-rules.yaml',
    usage: 'kubectl auth reconcile -f FILENAME [options]',
    flags: [
      'allow-missing-template-keys',
      'dry-run',
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files identifying the resource to reconcile.',
      ],
      'kustomize',
      'output',
      'recursive',
      ['remove-extra-permissions', 'bool', 'If true, removes extra permissions added to roles'],
      ['remove-extra-subjects', 'bool', 'If true, removes extra subjects added to rolebindings'],
      'show-managed-fields',
      'template',
    ],
  },
  'auth whoami': {
    short: 'Experimental: Check self subject attributes',
    long: 'Experimental: Check who you are and your attributes (groups, extra).\n\n        This command is helpful to get yourself aware of the current user attributes,\n        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,\n        is enabled in the Kubernetes cluster.',
    examples:
      '  # Get your subject attributes\n  kubectl auth whoami\n  \n  # Get your subject attributes in JSON format\n  kubectl auth whoami -o json',
    usage: 'kubectl auth whoami [options]',
    flags: ['allow-missing-template-keys', 'output', 'show-managed-fields', 'template'],
  },
  debug: {
    short: 'Create debugging sessions for troubleshooting workloads and nodes',
    long: "Debug cluster resources using interactive debugging containers.\n\n 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.\n\n The action taken by 'debug' varies depending on what resource is specified. Supported actions include:\n\n  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.\n  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.\n  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.\n\n Note: When a non-root user is configured for the entire target Pod, some capabilities granted by debug profile may not work.",
    examples:
      "  # Create an interactive debugging session in pod mypod and immediately attach to it.\n  kubectl debug mypod -it --image=busybox\n  \n  # Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.\n  # (requires the EphemeralContainers feature to be enabled in the cluster)\n  kubectl debug -f pod.yaml -it --image=busybox\n  \n  # Create a debug container named debugger using a custom automated debugging image.\n  kubectl debug --image=myproj/debug-tools -c debugger mypod\n  \n  # Create a copy of mypod adding a debug container and attach to it\n  kubectl debug mypod -it --image=busybox --copy-to=my-debugger\n  \n  # Create a copy of mypod changing the command of mycontainer\n  kubectl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh\n  \n  # Create a copy of mypod changing all container images to busybox\n  kubectl debug mypod --copy-to=my-debugger --set-image=*=busybox\n  \n  # Create a copy of mypod adding a debug container and changing container images\n  kubectl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug\n  \n  # Create an interactive debugging session on a node and immediately attach to it.\n  # The container will run in the host namespaces and the host's filesystem will be mounted at /host\n  kubectl debug node/mynode -it --image=busybox",
    usage: 'kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
    flags: [
      [
        'arguments-only',
        'bool',
        'If specified, everything after -- will be passed to the new container as Args instead of Command.',
      ],
      [
        'attach',
        'bool',
        "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true.",
      ],
      ['container', '-c string', 'Container name to use for debug container.'],
      ['copy-to', 'string', 'Create a copy of the target Pod with this name.'],
      [
        'custom',
        'string',
        'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.',
      ],
      ['env', 'stringArray', 'Environment variables to set in the container.'],
      ['filename', '-f stringArray', 'identifying the resource to debug'],
      ['image', 'string', 'Container image to use for debug container.'],
      [
        'image-pull-policy',
        'string',
        'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.',
      ],
      [
        'keep-annotations',
        'bool',
        "If true, keep the original pod annotations.(This flag only works when used with '--copy-to')",
      ],
      [
        'keep-init-containers',
        'bool=true',
        "Run the init containers for the pod. Defaults to true.(This flag only works when used with '--copy-to')",
      ],
      [
        'keep-labels',
        'bool',
        "If true, keep the original pod labels.(This flag only works when used with '--copy-to')",
      ],
      [
        'keep-liveness',
        'bool',
        "If true, keep the original pod liveness probes.(This flag only works when used with '--copy-to')",
      ],
      [
        'keep-readiness',
        'bool',
        "If true, keep the original pod readiness probes.(This flag only works when used with '--copy-to')",
      ],
      [
        'keep-startup',
        'bool',
        "If true, keep the original startup probes.(This flag only works when used with '--copy-to')",
      ],
      [
        'profile',
        'string=legacy',
        'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".',
      ],
      ['quiet', '-q bool', 'If true, suppress informational messages.'],
      ['replace', 'bool', "When used with '--copy-to', delete the original Pod."],
      ['same-node', 'bool', "When used with '--copy-to', schedule the copy of target Pod on the same node."],
      [
        'set-image',
        'stringArray',
        "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works.",
      ],
      [
        'share-processes',
        'bool=true',
        "When used with '--copy-to', enable process namespace sharing in the copy.",
      ],
      ['stdin', '-i bool', 'Keep stdin open on the container(s) in the pod, even if nothing is attached.'],
      ['target', 'string', 'When using an ephemeral container, target processes in this container name.'],
      ['tty', '-t bool', 'Allocate a TTY for the debugging container.'],
    ],
  },
  'apply edit-last-applied': {
    short: 'Edit latest last-applied-configuration annotations of a resource/object',
    long: "Edit the latest last-applied-configuration annotations of resources from the default editor.\n\n The edit-last-applied command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
    examples:
      '  # Edit the last-applied-configuration annotations by type/name in YAML\n  kubectl apply edit-last-applied deployment/nginx\n  \n  # Edit the last-applied-configuration annotations by file in JSON\n  kubectl apply edit-last-applied -f deploy.yaml -o json',
    usage: 'kubectl apply edit-last-applied (RESOURCE/NAME | -f FILENAME) [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'field-manager',
        'string=kubectl-client-side-apply',
        'Name of the manager used to track field ownership.',
      ],
      ['filename', '-f stringArray', 'Filename, directory, or URL to files to use to edit the resource'],
      'kustomize',
      'output',
      'recursive',
      'show-managed-fields',
      'template',
      'validate',
      ['windows-line-endings', 'bool', 'Defaults to the line ending native to your platform.'],
    ],
  },
  'apply set-last-applied': {
    short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
    long: "Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run, without updating any other parts of the object.",
    examples:
      '  # Set the last-applied-configuration of a resource to match the contents of a file\n  kubectl apply set-last-applied -f deploy.yaml\n  \n  # Execute set-last-applied against each configuration file in a directory\n  kubectl apply set-last-applied -f path/\n  \n  # Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist\n  kubectl apply set-last-applied -f deploy.yaml --create-annotation=true',
    usage: 'kubectl apply set-last-applied -f FILENAME [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'create-annotation',
        'bool',
        "Will create 'last-applied-configuration' annotations if current objects doesn't have one",
      ],
      'dry-run',
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
      ],
      'output',
      'show-managed-fields',
      'template',
    ],
  },
  'apply view-last-applied': {
    short: 'View the latest last-applied-configuration annotations of a resource/object',
    long: 'View the latest last-applied-configuration annotations by type/name or file.\n\n The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.',
    examples:
      '  # View the last-applied-configuration annotations by type/name in YAML\n  kubectl apply view-last-applied deployment/nginx\n  \n  # View the last-applied-configuration annotations by file in JSON\n  kubectl apply view-last-applied -f deploy.yaml -o json',
    usage: 'kubectl apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME) [options]',
    flags: [
      ['all', 'bool', 'Select all resources in the namespace of the specified resource types'],
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
      ],
      'kustomize',
      ['output', '-o string=yaml', 'Output format. Must be one of (yaml, json)'],
      'recursive',
      'selector',
    ],
  },
  replace: {
    short: 'Replace a resource by file name or stdin',
    long: 'Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml',
    examples:
      "  # Replace a pod using the data in pod.json\n  kubectl replace -f ./pod.json\n  \n  # Replace a pod based on the JSON passed into stdin\n  cat pod.json | kubectl replace -f -\n  \n  # Update a single-container pod's image version (tag) to v4\n  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -\n  \n  # Force replace, delete and then re-create the resource\n  kubectl replace --force -f ./pod.json",
    usage: 'kubectl replace -f FILENAME [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'cascade',
        'string=background',
        'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      ],
      'dry-run',
      ['field-manager', 'string=kubectl-replace', 'Name of the manager used to track field ownership.'],
      ['filename', '-f stringArray', 'The files that contain the configurations to replace.'],
      [
        'force',
        'bool',
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
      ],
      [
        'grace-period',
        'int=-1',
        'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      ],
      [
        'kustomize',
        '-k string',
        "Process a kustomization directory. This flag can't be used together with -f or -R.",
      ],
      'output',
      [
        'raw',
        'string',
        'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.',
      ],
      'recursive',
      [
        'save-config',
        'bool',
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
      ],
      'show-managed-fields',
      [
        'subresource',
        'string',
        'If specified, replace will operate on the subresource of the requested object.',
      ],
      'template',
      [
        'timeout',
        'duration',
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      ],
      'validate',
      ['wait', 'bool', 'If true, wait for resources to be gone before returning. This waits for finalizers.'],
    ],
  },
  kustomize: {
    short: 'Build a kustomization target from a directory or URL',
    long: "Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml', or a git repository URL with a path suffix specifying same with respect to the repository root. If DIR is omitted, '.' is assumed.",
    examples:
      '  # Build the current working directory\n  kubectl kustomize\n  \n  # Build some shared configuration directory\n  kubectl kustomize /home/config/production\n  \n  # Build from github\n  kubectl kustomize https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6',
    usage: 'kubectl kustomize DIR [flags] [options]',
    flags: [
      [
        'as-current-user',
        'bool',
        'use the uid and gid of the command executor to run the function in the container',
      ],
      ['enable-alpha-plugins', 'bool', 'enable kustomize plugins'],
      ['enable-helm', 'bool', 'Enable use of the Helm chart inflator generator.'],
      ['env', '-e stringArray', 'a list of environment variables to be used by functions'],
      [
        'helm-api-versions',
        'stringArray',
        'Kubernetes api versions used by Helm for Capabilities.APIVersions',
      ],
      ['helm-command', 'string=helm', 'helm command (path to executable)'],
      ['helm-debug', 'bool', 'Enable debug output from the Helm chart inflator generator.'],
      ['helm-kube-version', 'string', 'Kubernetes version used by Helm for Capabilities.KubeVersion'],
      [
        'load-restrictor',
        'string=LoadRestrictionsRootOnly',
        "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.",
      ],
      ['mount', 'stringArray', 'a list of storage options read from the filesystem'],
      ['network', 'bool', 'enable network access for functions that declare it'],
      ['network-name', 'string=bridge', 'the docker network to run the container in'],
      ['output', '-o string', 'If specified, write output to this path.'],
    ],
  },
  completion: {
    short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
    long: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of kubectl commands.  This can be done by sourcing it from the .bash_profile.\n\n Detailed instructions on how to do this are available here:\n\n        for macOS:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-macos/#enable-shell-autocompletion\n        \n        for linux:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/#enable-shell-autocompletion\n        \n        for windows:\n        https://kubernetes.io/docs/tasks/tools/install-kubectl-windows/#enable-shell-autocompletion\n        \n Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2.',
    examples:
      '  # Installing bash completion on macOS using homebrew\n  ## If running Bash 3.2 included with macOS\n  brew install bash-completion\n  ## or, if running Bash 4.1+\n  brew install bash-completion@2\n  ## If kubectl is installed via homebrew, this should start working immediately\n  ## If you\'ve installed via other means, you may need add the completion to your completion directory\n  kubectl completion bash > $(brew --prefix)/etc/bash_completion.d/kubectl\n  \n  \n  # Installing bash completion on Linux\n  ## If bash-completion is not installed on Linux, install the \'bash-completion\' package\n  ## via your distribution\'s package manager.\n  ## Load the kubectl completion code for bash into the current shell\n  source <(kubectl completion bash)\n  ## Write bash completion code to a file and source it from .bash_profile\n  kubectl completion bash > ~/.kube/completion.bash.inc\n  printf "\n  # kubectl shell completion\n  source \'$HOME/.kube/completion.bash.inc\'\n  " >> $HOME/.bash_profile\n  source $HOME/.bash_profile\n  \n  # Load the kubectl completion code for zsh[1] into the current shell\n  source <(kubectl completion zsh)\n  # Set the kubectl completion code for zsh[1] to autoload on startup\n  kubectl completion zsh > "${fpath[1]}/_kubectl"\n  \n  \n  # Load the kubectl completion code for fish[2] into the current shell\n  kubectl completion fish | source\n  # To load completions for each session, execute once:\n  kubectl completion fish > ~/.config/fish/completions/kubectl.fish\n  \n  # Load the kubectl completion code for powershell into the current shell\n  kubectl completion powershell | Out-String | Invoke-Expression\n  # Set kubectl completion code for powershell to run on startup\n  ## Save completion code to a script and execute in the profile\n  kubectl completion powershell > $HOME\\.kube\\completion.ps1\n  Add-Content $PROFILE "$HOME\\.kube\\completion.ps1"\n  ## Execute completion code in the profile\n  Add-Content $PROFILE "if (Get-Command kubectl -ErrorAction SilentlyContinue) {\n  kubectl completion powershell | Out-String | Invoke-Expression\n  }"\n  ## Add completion code directly to the $PROFILE script\n  kubectl completion powershell >> $PROFILE',
    usage: 'kubectl completion SHELL [options]',
    flags: [],
  },
  config: {
    short: 'Modify kubeconfig files',
    long: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\n The loading order follows these rules:\n\n  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.\n  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.\n  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.',
    usage: 'kubectl config SUBCOMMAND [options]',
    flags: [],
  },
  'config current-context': {
    short: 'Display the current-context',
    long: 'Display the current-context.',
    examples: '  # Display the current-context\n  kubectl config current-context',
    usage: 'kubectl config current-context [flags] [options]',
    flags: [],
  },
  'config delete-cluster': {
    short: 'Delete the specified cluster from the kubeconfig',
    long: 'Delete the specified cluster from the kubeconfig.',
    examples: '  # Delete the minikube cluster\n  kubectl config delete-cluster minikube',
    usage: 'kubectl config delete-cluster NAME [options]',
    flags: [],
  },
  'config delete-context': {
    short: 'Delete the specified context from the kubeconfig',
    long: 'Delete the specified context from the kubeconfig.',
    examples: '  # Delete the context for the minikube cluster\n  kubectl config delete-context minikube',
    usage: 'kubectl config delete-context NAME [options]',
    flags: [],
  },
  'config delete-user': {
    short: 'Delete the specified user from the kubeconfig',
    long: 'Delete the specified user from the kubeconfig.',
    examples: '  # Delete the minikube user\n  kubectl config delete-user minikube',
    usage: 'kubectl config delete-user NAME [options]',
    flags: [],
  },
  'config get-clusters': {
    short: 'Display clusters defined in the kubeconfig',
    long: 'Display clusters defined in the kubeconfig.',
    examples: '  # List the clusters that kubectl knows about\n  kubectl config get-clusters',
    usage: 'kubectl config get-clusters [flags] [options]',
    flags: [],
  },
  'config get-contexts': {
    short: 'Describe one or many contexts',
    long: 'Display one or many contexts from the kubeconfig file.',
    examples:
      '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n  \n  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context',
    usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
    flags: [
      [
        'no-headers',
        'bool',
        "When using the default or custom-column output format, don't print headers (default print headers).",
      ],
      ['output', '-o string', 'Output format. One of: (name).'],
    ],
  },
  'config get-users': {
    short: 'Display users defined in the kubeconfig',
    long: 'Display users defined in the kubeconfig.',
    examples: '  # List the users that kubectl knows about\n  kubectl config get-users',
    usage: 'kubectl config get-users [flags] [options]',
    flags: [],
  },
  'config rename-context': {
    short: 'Rename a context from the kubeconfig file',
    long: "Renames a context from the kubeconfig file.\n\n CONTEXT_NAME is the context name that you want to change.\n\n NEW_NAME is the new name you want to set.\n\n Note: If the context being renamed is the 'current-context', this field will also be updated.",
    examples:
      "  # Rename the context 'old-name' to 'new-name' in your kubeconfig file\n  kubectl config rename-context old-name new-name",
    usage: 'kubectl config rename-context CONTEXT_NAME NEW_NAME [options]',
    flags: [],
  },
  'config set': {
    short: 'Set an individual value in a kubeconfig file',
    long: "Set an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.\n\n PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.\n\n Specifying an attribute name that already exists will merge new fields on top of existing values.",
    examples:
      '  # Set the server field on the my-cluster cluster to https://1.2.3.4\n  kubectl config set clusters.my-cluster.server https://1.2.3.4\n  \n  # Set the certificate-authority-data field on the my-cluster cluster\n  kubectl config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)\n  \n  # Set the cluster field in the my-context context to my-cluster\n  kubectl config set contexts.my-context.cluster my-cluster\n  \n  # Set the client-key-data field in the cluster-admin user using --set-raw-bytes option\n  kubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true',
    usage: 'kubectl config set PROPERTY_NAME PROPERTY_VALUE [options]',
    flags: [
      [
        'set-raw-bytes',
        'bool',
        'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.',
      ],
    ],
  },
  'config set-cluster': {
    short: 'Set a cluster entry in kubeconfig',
    long: 'Set a cluster entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.',
    examples:
      '  # Set only the server field on the e2e cluster entry without touching other values\n  kubectl config set-cluster e2e --server=https://1.2.3.4\n  \n  # Embed certificate authority data for the e2e cluster entry\n  kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt\n  \n  # Disable cert checking for the e2e cluster entry\n  kubectl config set-cluster e2e --insecure-skip-tls-verify=true\n  \n  # Set the custom TLS server name to use for validation for the e2e cluster entry\n  kubectl config set-cluster e2e --tls-server-name=my-cluster-name\n  \n  # Set the proxy URL for the e2e cluster entry\n  kubectl config set-cluster e2e --proxy-url=https://1.2.3.4',
    usage:
      'kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]',
    flags: [
      [
        'certificate-authority',
        'string',
        'Path to certificate-authority file for the cluster entry in kubeconfig',
      ],
      ['embed-certs', 'bool', 'embed-certs for the cluster entry in kubeconfig'],
      ['insecure-skip-tls-verify', 'bool', 'insecure-skip-tls-verify for the cluster entry in kubeconfig'],
      ['proxy-url', 'string', 'proxy-url for the cluster entry in kubeconfig'],
      ['server', 'string', 'server for the cluster entry in kubeconfig'],
      ['tls-server-name', 'string', 'tls-server-name for the cluster entry in kubeconfig'],
    ],
  },
  'config set-context': {
    short: 'Set a context entry in kubeconfig',
    long: 'Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.',
    examples:
      '  # Set the user field on the gce context entry without touching other values\n  kubectl config set-context gce --user=cluster-admin',
    usage:
      'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
    flags: [
      ['cluster', 'string', 'cluster for the context entry in kubeconfig'],
      ['current', 'bool', 'Modify the current context'],
      ['namespace', 'string', 'namespace for the context entry in kubeconfig'],
      ['user', 'string', 'user for the context entry in kubeconfig'],
    ],
  },
  'config set-credentials': {
    short: 'Set a user entry in kubeconfig',
    long: 'Set a user entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values.\n\n        Client-certificate flags:\n        --client-certificate=certfile --client-key=keyfile\n        \n        Bearer token flags:\n        --token=bearer_token\n        \n        Basic auth flags:\n        --username=basic_user --password=basic_password\n        \n Bearer token and basic auth are mutually exclusive.',
    examples:
      '  # Set only the "client-key" field on the "cluster-admin"\n  # entry, without touching other values\n  kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key\n  \n  # Set basic auth for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif\n  \n  # Embed client certificate data in the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true\n  \n  # Enable the Google Compute Platform auth provider for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --auth-provider=gcp\n  \n  # Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments\n  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar\n  \n  # Remove the "client-secret" config value for the OpenID Connect auth provider for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-\n  \n  # Enable new exec auth plugin for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1\n  \n  # Enable new exec auth plugin for the "cluster-admin" entry with interactive mode\n  kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never\n  \n  # Define new exec auth plugin arguments for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2\n  \n  # Create or update exec auth plugin environment variables for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2\n  \n  # Remove exec auth plugin environment variables for the "cluster-admin" entry\n  kubectl config set-credentials cluster-admin --exec-env=var-to-remove-',
    usage:
      'kubectl config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]',
    flags: [
      ['auth-provider', 'string', 'Auth provider for the user entry in kubeconfig'],
      ['auth-provider-arg', 'stringArray', "'key=value' arguments for the auth provider"],
      ['client-certificate', 'string', 'Path to client-certificate file for the user entry in kubeconfig'],
      ['client-key', 'string', 'Path to client-key file for the user entry in kubeconfig'],
      ['embed-certs', 'bool', 'Embed client cert/key for the user entry in kubeconfig'],
      [
        'exec-api-version',
        'string',
        'API version of the exec credential plugin for the user entry in kubeconfig',
      ],
      [
        'exec-arg',
        'stringArray',
        'New arguments for the exec credential plugin command for the user entry in kubeconfig',
      ],
      ['exec-command', 'string', 'Command for the exec credential plugin for the user entry in kubeconfig'],
      ['exec-env', 'stringArray', "'key=value' environment values for the exec credential plugin"],
      [
        'exec-interactive-mode',
        'string',
        'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig',
      ],
      [
        'exec-provide-cluster-info',
        'bool',
        'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig',
      ],
      ['password', 'string', 'password for the user entry in kubeconfig'],
      ['token', 'string', 'token for the user entry in kubeconfig'],
      ['username', 'string', 'username for the user entry in kubeconfig'],
    ],
  },
  'config unset': {
    short: 'Unset an individual value in a kubeconfig file',
    long: 'Unset an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.',
    examples:
      '  # Unset the current-context\n  kubectl config unset current-context\n  \n  # Unset namespace in foo context\n  kubectl config unset contexts.foo.namespace',
    usage: 'kubectl config unset PROPERTY_NAME [options]',
    flags: [],
  },
  'config use-context': {
    short: 'Set the current-context in a kubeconfig file',
    long: 'Set the current-context in a kubeconfig file.',
    aliases: ['use'],
    examples: '  # Use the context for the minikube cluster\n  kubectl config use-context minikube',
    usage: 'kubectl config use-context CONTEXT_NAME [options]',
    flags: [],
  },
  'config view': {
    short: 'Display merged kubeconfig settings or a specified kubeconfig file',
    long: 'Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.',
    examples:
      '  # Show merged kubeconfig settings\n  kubectl config view\n  \n  # Show merged kubeconfig settings, raw certificate data, and exposed secrets\n  kubectl config view --raw\n  \n  # Get the password for the e2e user\n  kubectl config view -o jsonpath=\'{.users[?(@.name == "e2e")].user.password}\'',
    usage: 'kubectl config view [flags] [options]',
    flags: [
      'allow-missing-template-keys',
      [
        'flatten',
        'bool',
        'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
      ],
      ['merge', 'bool=true', 'Merge the full hierarchy of kubeconfig files'],
      ['minify', 'bool', 'Remove all information not used by current-context from the output'],
      [
        'output',
        '-o string=yaml',
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      ],
      ['raw', 'bool', 'Display raw byte data and sensitive data'],
      'show-managed-fields',
      'template',
    ],
  },
  plugin: {
    short: 'Provides utilities for interacting with plugins',
    long: 'Provides utilities for interacting with plugins.\n\n Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.\n\n The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install',
    examples:
      '  # List all available plugins\n  kubectl plugin list\n  \n  # List only binary names of available plugins without paths\n  kubectl plugin list --name-only',
    usage: 'kubectl plugin [flags] [options]',
    flags: [],
  },
  'plugin list': {
    short: "List all visible plugin executables on a user's PATH",
    long: 'List all available plugin files on a user\'s PATH. To see plugins binary names without the full path use --name-only flag.\n\n Available plugin files are those that are: - executable - anywhere on the user\'s PATH - begin with "kubectl-"',
    examples:
      '  # List all available plugins\n  kubectl plugin list\n  \n  # List only binary names of available plugins without paths\n  kubectl plugin list --name-only',
    usage: 'kubectl plugin list [flags] [options]',
    flags: [
      [
        'name-only',
        'bool',
        'If true, display only the binary name of each plugin, rather than its full path',
      ],
    ],
  },
  'set serviceaccount': {
    short: 'Update the service account of a resource',
    long: 'Update the service account of pod template resources.\n\n Possible resources (case insensitive) can be:\n\n replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset',
    aliases: ['sa'],
    examples:
      "  # Set deployment nginx-deployment's service account to serviceaccount1\n  kubectl set serviceaccount deployment nginx-deployment serviceaccount1\n  \n  # Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\n  kubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml",
    usage: 'kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]',
    flags: [
      ['all', 'bool', 'Select all resources, in the namespace of the specified resource types'],
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-set', 'Name of the manager used to track field ownership.'],
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files identifying the resource to get from a server.',
      ],
      'kustomize',
      ['local', 'bool', 'If true, set serviceaccount will NOT contact api-server but run locally.'],
      'output',
      'recursive',
      'show-managed-fields',
      'template',
    ],
  },
  'set subject': {
    short: 'Update the user, group, or service account in a role binding or cluster role binding',
    long: 'Update the user, group, or service account in a role binding or cluster role binding.',
    examples:
      '  # Update a cluster role binding for serviceaccount1\n  kubectl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1\n  \n  # Update a role binding for user1, user2, and group1\n  kubectl set subject rolebinding admin --user=user1 --user=user2 --group=group1\n  \n  # Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server\n  kubectl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | kubectl set subject --local -f - --user=foo -o yaml',
    usage:
      'kubectl set subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
    flags: [
      ['all', 'bool', 'Select all resources, in the namespace of the specified resource types'],
      'allow-missing-template-keys',
      'dry-run',
      ['field-manager', 'string=kubectl-set', 'Name of the manager used to track field ownership.'],
      [
        'filename',
        '-f stringArray',
        'Filename, directory, or URL to files the resource to update the subjects',
      ],
      ['group', 'stringArray', 'Groups to bind to the role'],
      'kustomize',
      ['local', 'bool', 'If true, set subject will NOT contact api-server but run locally.'],
      'output',
      'recursive',
      'selector',
      ['serviceaccount', 'stringArray', 'Service accounts to bind to the role'],
      'show-managed-fields',
      'template',
      ['user', 'stringArray', 'Usernames to bind to the role'],
    ],
  },
};
